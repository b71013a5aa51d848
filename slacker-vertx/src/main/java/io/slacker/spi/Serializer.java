package io.slacker.spi;

import com.fasterxml.jackson.databind.JavaType;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;

/**
 * Turns arguments and results into bytes and back. Every request names its serializer by
 * {@link #id()} and the server answers with the same one. Values decode into the declared
 * types they are given; implementations must not infer types from the payload.
 *
 * <p>Extra serializers are found with {@link java.util.ServiceLoader}.
 */
public interface Serializer {

  /** @return the id on the wire, 1..255; 1 to 15 are reserved for Slacker's own */
  int id();

  /** @return the name used in options, e.g. {@code json} */
  String name();

  /**
   * Appends the values as one sequence (the arguments of a request), each written as its declared
   * type, so that what the reader decodes into that type is what was sent (a {@code List<Shape>}
   * of a polymorphic {@code Shape} keeps its elements' type ids).
   *
   * @param types the declared type of each value, or {@code null} when there are none (a call by
   *              name), in which case each value is written as its runtime class
   */
  void writeValues(Buffer out, Object[] values, JavaType[] types) throws IOException;

  /**
   * Reads a sequence written by {@link #writeValues} from {@code in[start, end)}, each element
   * into its declared type.
   *
   * @throws io.slacker.SlackerException with {@code BAD_REQUEST} when the count differs
   * @throws IOException when the bytes do not decode into the types
   */
  Object[] readValues(Buffer in, int start, int end, JavaType[] types) throws IOException;

  /** Appends one value (a result), written as its declared {@code type}. */
  void writeValue(Buffer out, Object value, JavaType type) throws IOException;

  /** Reads one value from {@code in[start, end)} into the declared type. */
  Object readValue(Buffer in, int start, int end, JavaType type) throws IOException;

  /**
   * Does the one-time work for a type ahead of its first call, such as building Jackson's
   * (de)serializers, so that it does not happen on an event loop. Optional.
   */
  default void prepare(JavaType type) {
  }
}
