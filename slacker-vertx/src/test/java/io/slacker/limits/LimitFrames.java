package io.slacker.limits;

import io.slacker.test.RawConnection;
import io.slacker.test.RawFrames;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Requests built byte by byte from docs/protocol.md §4, sized to test the server's limits. */
final class LimitFrames {

  private LimitFrames() {
  }

  /** A by-name request with {@code entries} metadata entries, each a key of {@code keyBytes} and a value of {@code valueBytes}. */
  static byte[] request(int callId, String service, String method, int entries, int keyBytes, int valueBytes, byte[] args) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.writeInt(60_000);
      string(out, service);
      string(out, method);
      if (entries > 0) {
        out.writeShort(entries);
        byte[] value = new byte[valueBytes];
        for (int i = 0; i < entries; i++) {
          byte[] key = new byte[keyBytes];
          Arrays.fill(key, (byte) 'k');
          String index = Integer.toString(i);
          System.arraycopy(index.getBytes(StandardCharsets.US_ASCII), 0, key, 0, Math.min(index.length(), keyBytes));
          out.writeShort(key.length);
          out.write(key);
          out.writeInt(value.length);
          out.write(value);
        }
      }
      out.write(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int flags = RawFrames.FLAG_BY_NAME | (entries > 0 ? RawFrames.FLAG_METADATA : 0);
    return RawFrames.frame(RawFrames.REQUEST, flags, RawFrames.JSON, callId, body.toByteArray());
  }

  /** A by-name JSON request for {@code sum} whose whole frame is {@code frameLength} bytes: {@code [[1,1,...,1]]}. */
  static byte[] sumOfOnes(int callId, int frameLength) {
    byte[] empty = request(callId, ForkedLimitsServer.BULK, "sum", 0, 0, 0, new byte[0]);
    int argsLength = frameLength - (empty.length - 4);
    int ones = (argsLength - 3) / 2;
    byte[] args = new byte[argsLength];
    Arrays.fill(args, (byte) ' ');
    args[0] = '[';
    args[1] = '[';
    for (int i = 0; i < ones; i++) {
      args[2 + 2 * i] = '1';
      args[3 + 2 * i] = ',';
    }
    args[1 + 2 * ones] = ']';
    args[2 + 2 * ones] = ']';
    return request(callId, ForkedLimitsServer.BULK, "sum", 0, 0, 0, args);
  }

  /** @return how many ones {@link #sumOfOnes} puts in a frame of that length */
  static int onesIn(int frameLength) {
    byte[] empty = request(1, ForkedLimitsServer.BULK, "sum", 0, 0, 0, new byte[0]);
    return (frameLength - (empty.length - 4) - 3) / 2;
  }

  static byte[] echo(int callId, String text) {
    return request(callId, "test.Echo", "echo", 0, 0, 0, ("[\"" + text + "\"]").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends HELLO and returns the maximum frame size in the server's HELLO (§8). */
  static int hello(RawConnection connection) throws IOException {
    connection.send(RawFrames.hello());
    RawConnection.ReadFrame hello = connection.read();
    if (hello.type() != RawFrames.HELLO) {
      throw new IllegalStateException("expected HELLO, got type " + hello.type());
    }
    byte[] body = hello.body();
    return ((body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length);
    out.write(bytes);
  }
}
