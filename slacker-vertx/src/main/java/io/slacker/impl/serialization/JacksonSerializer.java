package io.slacker.impl.serialization;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.impl.Utf8Validator;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A serializer over one Jackson format. Values are read into the declared types only: default
 * typing stays off, so a payload cannot choose the class it becomes.
 */
public final class JacksonSerializer implements Serializer {

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final int id;
  private final String name;
  private final ObjectMapper mapper;
  private final Map<JavaType, ObjectWriter> writers = new ConcurrentHashMap<>();
  /**
   * How the text inside a payload is found to check it as UTF-8, for a format whose parsers do
   * not check it themselves; {@code null} for JSON, which is checked whole, and for Smile, whose
   * factory makes checking parsers ({@link StrictSmileFactory}).
   */
  private final TextTokens textTokens;
  /** Jackson's binary parsers count offsets from the start of the array, its JSON parser from the payload's. */
  private final boolean offsetsFromArrayStart;

  /**
   * @param datesAsNumbers write {@code java.time} values in Jackson's numeric forms (arrays of
   *                       fields, epoch seconds) instead of ISO-8601 text: formatting and parsing
   *                       that text is most of the cost of a date, and binary formats gain nothing
   *                       from text being readable
   */
  public JacksonSerializer(int id, String name, JsonFactory factory, boolean datesAsNumbers) {
    this.id = id;
    this.name = name;
    this.textTokens = factory instanceof CBORFactory ? TextTokens.CBOR : null;
    this.offsetsFromArrayStart = factory instanceof SmileFactory || factory instanceof CBORFactory;
    this.mapper = new ObjectMapper(factory)
        .registerModule(new JavaTimeModule())
        .registerModule(new VertxTypesModule())
        .registerModule(new BlackbirdModule(JacksonSerializer::blackbirdLookup))
        .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, datesAsNumbers)
        .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, datesAsNumbers)
        // A ZonedDateTime keeps its zone instead of arriving shifted to UTC.
        .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        // Tolerate fields added by a newer peer, as protobuf and Dubbo do.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (datesAsNumbers) {
      // After JavaTimeModule, so that its Duration and Instant forms are replaced.
      mapper.registerModule(new DecimalSecondsModule());
    }
    // A number cannot carry a zone or an offset: these stay text in every format.
    mapper.configOverride(ZonedDateTime.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    mapper.configOverride(OffsetDateTime.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
  }

  /**
   * Blackbird for the class path only; reflection elsewhere. In the unnamed package Blackbird
   * would define a helper class under an illegal name, and in a named module (the JDK's, or a
   * user's) its generated accessors fail, where reflection needs no more than the package opened
   * to Jackson.
   */
  private static MethodHandles.Lookup blackbirdLookup(Class<?> type) {
    return type.getModule().isNamed() || type.getPackageName().isEmpty() ? null : LOOKUP;
  }

  /** @return the mapper behind this format, for describing the shapes it writes (never to change it) */
  public ObjectMapper mapper() {
    return mapper;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void writeValues(Buffer out, Object[] values, JavaType[] types) throws IOException {
    try (JsonGenerator gen = mapper.createGenerator(new BufferOutputStream(out))) {
      gen.writeStartArray();
      for (int i = 0; i < values.length; i++) {
        // Arguments beyond the declared ones still go out, for the server to report the count.
        if (types == null || i >= types.length) {
          mapper.writeValue(gen, values[i]);
        } else {
          writerFor(types[i]).writeValue(gen, values[i]);
        }
      }
      gen.writeEndArray();
    }
  }

  @Override
  public Object[] readValues(Buffer in, int start, int end, JavaType[] types) throws IOException {
    PayloadBytes payload = PayloadBytes.of(in, start, end);
    try (JsonParser parser = strictParser(payload)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new SlackerException(StatusCode.BAD_REQUEST, "arguments must be a " + name + " array");
      }
      Object[] values = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
          throw wrongCount(types.length, i);
        }
        values[i] = decodeArgument(parser, types[i], i);
      }
      if (parser.nextToken() != JsonToken.END_ARRAY) {
        int count = types.length;
        while (parser.currentToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
          parser.skipChildren();
          parser.nextToken();
          count++;
        }
        throw wrongCount(types.length, count);
      }
      requireEnd(parser, payload, "argument array");
      return values;
    }
  }

  /**
   * The value is the whole payload: bytes after it would be ignored silently otherwise. A Smile
   * parser reports the end of a document at a second header, so the bytes consumed are compared too.
   */
  private void requireEnd(JsonParser parser, PayloadBytes payload, String what) throws IOException {
    long end = offsetsFromArrayStart ? payload.end() : payload.length();
    boolean more;
    try {
      more = parser.nextToken() != null || parser.currentLocation().getByteOffset() < end;
    } catch (JacksonException e) {
      more = true;
    }
    if (more) {
      throw new SlackerException(StatusCode.BAD_REQUEST, "unexpected bytes after the " + name + " " + what);
    }
  }

  /**
   * A parser that refuses text that is not strict UTF-8: JSON is checked whole, as it is text
   * throughout; in Smile and CBOR each string is checked as the parser reaches it.
   */
  private JsonParser strictParser(PayloadBytes payload) throws IOException {
    if (textTokens == null && mapper.getFactory().getFormatName().equals(JsonFactory.FORMAT_NAME_JSON)) {
      int invalid = Utf8Validator.firstInvalid(payload.array(), payload.offset(), payload.end());
      if (invalid >= 0) {
        throw new SlackerException(StatusCode.BAD_REQUEST, name + " payload is not valid UTF-8 (at byte "
            + (invalid - payload.offset()) + ")");
      }
    }
    JsonParser parser = mapper.createParser(payload.array(), payload.offset(), payload.length());
    return textTokens != null ? new StrictTextParser(parser, payload, textTokens) : parser;
  }

  private Object decodeArgument(JsonParser parser, JavaType type, int index) throws IOException {
    try {
      return mapper.readValue(parser, type);
    } catch (JacksonException e) {
      throw new SlackerException(StatusCode.BAD_REQUEST, "argument " + index + " does not decode as "
          + type.toCanonical() + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void writeValue(Buffer out, Object value, JavaType type) throws IOException {
    writerFor(type).writeValue(new BufferOutputStream(out), value);
  }

  /** Writers by declared type: the runtime class would drop what the type says, e.g. its elements' type ids. */
  private ObjectWriter writerFor(JavaType type) {
    return writers.computeIfAbsent(type, mapper::writerFor);
  }

  @Override
  public Object readValue(Buffer in, int start, int end, JavaType type) throws IOException {
    PayloadBytes payload = PayloadBytes.of(in, start, end);
    try (JsonParser parser = strictParser(payload)) {
      parser.nextToken();
      Object value = mapper.readValue(parser, type);
      requireEnd(parser, payload, "value");
      return value;
    }
  }

  @Override
  public void prepare(JavaType type) {
    // Both build and cache the root (de)serializer of the type.
    mapper.readerFor(type);
    writerFor(type);
  }

  private static SlackerException wrongCount(int expected, int actual) {
    return new SlackerException(StatusCode.BAD_REQUEST,
        "expected " + expected + " argument" + (expected == 1 ? "" : "s") + " but the request has " + actual);
  }
}
