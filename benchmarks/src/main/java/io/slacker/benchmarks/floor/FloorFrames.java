package io.slacker.benchmarks.floor;

import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.buffer.Buffer;

/**
 * The floor's frames: a 4-byte big-endian length, then the operation (1 byte) and the request
 * key (4 bytes), then padding up to the size Slacker's frame for that operation has. Sizes are
 * frame bodies, the bytes after the length field.
 */
public final class FloorFrames {

  static final int HEADER = 5;

  private final int[] requestSizes;
  private final int[] responseSizes;
  private final byte[] padding;

  private FloorFrames(int[] requestSizes, int[] responseSizes) {
    this.requestSizes = requestSizes;
    this.responseSizes = responseSizes;
    int largest = 0;
    for (int i = 0; i < requestSizes.length; i++) {
      largest = Math.max(largest, Math.max(requestSizes[i], responseSizes[i]));
    }
    this.padding = new byte[largest];
  }

  /** @param sizes per operation in declaration order, {@code request:response}, comma-separated */
  public static FloorFrames parse(String sizes) {
    String[] pairs = sizes.split(",");
    int count = Operation.values().length;
    if (pairs.length != count) {
      throw new IllegalArgumentException("expected " + count + " request:response sizes, got '" + sizes + "'");
    }
    int[] requests = new int[count];
    int[] responses = new int[count];
    for (int i = 0; i < count; i++) {
      String[] pair = pairs[i].split(":");
      requests[i] = Math.max(HEADER, Integer.parseInt(pair[0]));
      responses[i] = Math.max(HEADER, Integer.parseInt(pair[1]));
    }
    return new FloorFrames(requests, responses);
  }

  Buffer request(Operation operation, int key) {
    return frame(requestSizes[operation.ordinal()], operation.ordinal(), key);
  }

  /** The answer to a request body: same operation and key, the response's size. */
  Buffer response(Buffer requestBody) {
    int operation = requestBody.getByte(0);
    return frame(responseSizes[operation], operation, requestBody.getInt(1));
  }

  boolean isResponse(Operation operation, int key, Buffer body) {
    return body.length() == responseSizes[operation.ordinal()]
        && body.getByte(0) == operation.ordinal() && body.getInt(1) == key;
  }

  private Buffer frame(int bodySize, int operation, int key) {
    return Buffer.buffer(4 + bodySize)
        .appendInt(bodySize)
        .appendByte((byte) operation)
        .appendInt(key)
        .appendBytes(padding, 0, bodySize - HEADER);
  }
}
