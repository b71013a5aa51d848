package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * {@code Duration} and {@code Instant} as the exact number of seconds they stand for, a decimal
 * with up to nine fraction digits: {@code Duration.ofSeconds(-5, 123456789)} is {@code -4.876543211}.
 * Jackson's own numeric forms disagree with each other on negative values with a fraction (its
 * {@code Duration} does not read back what it writes), and a peer in another language reads a
 * decimal as its plain value.
 */
final class DecimalSecondsModule extends SimpleModule {

  /** A long has 19 digits; more fraction digits than this are no timestamp anyone wrote. */
  private static final int MAX_INTEGER_DIGITS = 19;
  private static final int MAX_SCALE = 64;

  DecimalSecondsModule() {
    super("slacker-decimal-seconds");
    addSerializer(Duration.class, serializer(Duration.class, Duration::getSeconds, Duration::getNano));
    addSerializer(Instant.class, serializer(Instant.class, Instant::getEpochSecond, Instant::getNano));
    addDeserializer(Duration.class, deserializer(Duration.class, Duration::ofSeconds, DurationDeserializer.INSTANCE));
    addDeserializer(Instant.class, deserializer(Instant.class, Instant::ofEpochSecond, InstantDeserializer.INSTANT));
  }

  private static <T> JsonSerializer<T> serializer(Class<T> type, ToLongFunction<T> seconds, ToIntFunction<T> nanos) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        int nano = nanos.applyAsInt(value);
        if (nano == 0) {
          gen.writeNumber(seconds.applyAsLong(value));
        } else {
          gen.writeNumber(BigDecimal.valueOf(seconds.applyAsLong(value)).add(BigDecimal.valueOf(nano, 9)).stripTrailingZeros());
        }
      }

      @Override
      public Class<T> handledType() {
        return type;
      }
    };
  }

  /** Reads a number of seconds; text (ISO-8601, as a peer may still send) goes to Jackson's own reader. */
  private static <T> JsonDeserializer<T> deserializer(Class<T> type, SecondsAndNanos<T> create, JsonDeserializer<T> text) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
          return text.deserialize(parser, ctx);
        }
        BigDecimal value = parser.getDecimalValue();
        // Bounded first: rescaling a decimal with a huge exponent would cost as much as its digits.
        if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
          throw ctx.weirdNumberException(value, type, "not a number of seconds a " + type.getSimpleName() + " can hold");
        }
        try {
          // A peer that sent a binary float gets the nearest nanosecond.
          BigDecimal exact = value.setScale(9, RoundingMode.HALF_EVEN);
          BigDecimal seconds = exact.setScale(0, RoundingMode.FLOOR);
          return create.of(seconds.longValueExact(), exact.subtract(seconds).movePointRight(9).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
          throw ctx.weirdNumberException(value, type, "not a number of seconds a " + type.getSimpleName() + " can hold");
        }
      }
    };
  }

  /** {@code Duration::ofSeconds} or {@code Instant::ofEpochSecond}, with a non-negative nanosecond adjustment. */
  private interface SecondsAndNanos<T> {
    T of(long seconds, long nanos);
  }
}
