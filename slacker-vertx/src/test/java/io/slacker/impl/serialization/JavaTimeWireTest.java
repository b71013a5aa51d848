package io.slacker.impl.serialization;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java.time values at their edges keep their value in every format, and Smile and CBOR carry exact seconds. */
class JavaTimeWireTest {

  private static final TypeFactory TYPES = TypeFactory.defaultInstance();

  private static final List<Object> EDGES = List.of(
      Duration.ofSeconds(-5, 123_456_789), Duration.ofNanos(-1), Duration.ofNanos(1), Duration.ZERO,
      Duration.ofSeconds(-5), Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
      Instant.ofEpochSecond(-5, 123_456_789), Instant.ofEpochSecond(-1, 999_999_999), Instant.EPOCH, Instant.MIN,
      Instant.MAX, LocalDate.MIN, LocalDate.MAX, LocalTime.MIN, LocalTime.MAX, LocalTime.of(0, 0, 0, 1),
      LocalDateTime.MIN, LocalDateTime.MAX, OffsetDateTime.MIN, OffsetDateTime.MAX, OffsetTime.MIN, OffsetTime.MAX,
      ZonedDateTime.of(LocalDateTime.of(-5, 1, 1, 0, 0, 0, 1), ZoneId.of("Europe/Paris")),
      ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC), Year.of(Year.MIN_VALUE), Year.of(Year.MAX_VALUE),
      YearMonth.of(-5, 3), MonthDay.of(2, 29), Period.of(-1, -2, -3), Period.ZERO, ZoneOffset.MIN, ZoneOffset.MAX);

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void edgeValuesKeepTheirValue(String format) throws IOException {
    Serializer serializer = Serializers.get().byName(format);
    for (Object value : EDGES) {
      JavaType type = TYPES.constructType(value.getClass());
      assertEquals(value, roundTrip(serializer, value, type), format + " " + value.getClass().getSimpleName());
    }
    JavaType zoneId = TYPES.constructType(ZoneId.class);
    for (ZoneId zone : List.of(ZoneId.of("Europe/Paris"), ZoneOffset.ofHours(-3), ZoneId.of("UTC"))) {
      assertEquals(zone, roundTrip(serializer, zone, zoneId), format);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"smile", "cbor"})
  void durationsAndInstantsTravelAsExactSeconds(String format) throws IOException {
    Serializer serializer = Serializers.get().byName(format);
    JavaType decimal = TYPES.constructType(BigDecimal.class);
    assertEquals(new BigDecimal("-4.876543211"),
        reencode(serializer, Duration.ofSeconds(-5, 123_456_789), Duration.class, decimal));
    assertEquals(new BigDecimal("-4.876543211"),
        reencode(serializer, Instant.ofEpochSecond(-5, 123_456_789), Instant.class, decimal));
    assertEquals(new BigDecimal("1.5"), reencode(serializer, Duration.ofMillis(1500), Duration.class, decimal));
    assertEquals(-7L, reencode(serializer, Duration.ofSeconds(-7), Duration.class, TYPES.constructType(Long.class)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"smile", "cbor"})
  void secondsFromOtherPeersDecode(String format) throws IOException {
    Serializer serializer = Serializers.get().byName(format);
    assertEquals(Duration.ofMillis(-1500), reencode(serializer, -1.5, Double.class, TYPES.constructType(Duration.class)));
    assertEquals(Instant.ofEpochSecond(12), reencode(serializer, 12, Integer.class, TYPES.constructType(Instant.class)));
    assertEquals(Duration.ofSeconds(3), reencode(serializer, "PT3S", String.class, TYPES.constructType(Duration.class)));
    IOException tooLarge = assertThrows(IOException.class, () -> reencode(serializer, new BigDecimal("1e30"),
        BigDecimal.class, TYPES.constructType(Duration.class)));
    assertTrue(tooLarge.getMessage().contains("not a number of seconds a Duration can hold"), tooLarge.getMessage());
    assertThrows(IOException.class, () -> reencode(serializer, new BigDecimal("1e20"), BigDecimal.class,
        TYPES.constructType(Instant.class)));
  }

  private static Object roundTrip(Serializer serializer, Object value, JavaType type) throws IOException {
    Buffer result = Buffer.buffer();
    serializer.writeValue(result, value, type);
    Buffer args = Buffer.buffer();
    serializer.writeValues(args, new Object[] {value}, new JavaType[] {type});
    Object arg = serializer.readValues(args, 0, args.length(), new JavaType[] {type})[0];
    assertEquals(value, arg);
    return serializer.readValue(result, 0, result.length(), type);
  }

  /** Writes {@code value} as {@code writtenAs} and reads what travelled as {@code readAs}. */
  private static Object reencode(Serializer serializer, Object value, Class<?> writtenAs, JavaType readAs) throws IOException {
    Buffer bytes = Buffer.buffer();
    serializer.writeValue(bytes, value, TYPES.constructType(writtenAs));
    return serializer.readValue(bytes, 0, bytes.length(), readAs);
  }
}
