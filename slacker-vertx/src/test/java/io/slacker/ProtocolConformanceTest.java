package io.slacker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.slacker.test.RawFrames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The points where docs/protocol.md and the server once disagreed: call id 0, unknown flag bits,
 * HELLO values, server-only frames sent by a client, invalid UTF-8, bytes after the arguments and
 * half-close. After each, the server still serves a well-formed call on a new connection.
 */
class ProtocolConformanceTest extends EchoServerTestBase {

  private static final String ECHO = "echo(java.lang.String)";
  private static final String BLOB = "blob(int)";
  private static final long HALF_CLOSE_TIMEOUT = 1_000;

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setHalfCloseTimeoutMillis(HALF_CLOSE_TIMEOUT);
  }

  private static void assertConnectionError(RawConnection raw, String message) throws Exception {
    ReadFrame error = raw.read();
    assertEquals(RawFrames.ERROR, error.type(), "an ERROR frame");
    assertEquals(0, error.callId(), "on the connection");
    assertEquals(RawFrames.PROTOCOL_ERROR, error.errorCode());
    assertEquals(message, error.errorMessage());
    assertTrue(raw.closedByPeer(), "the server closes the connection after it");
  }

  private static void assertCallError(ReadFrame frame, int callId, int code, String message) {
    assertEquals(RawFrames.ERROR, frame.type());
    assertEquals(callId, frame.callId());
    assertEquals(code, frame.errorCode(), frame.errorMessage());
    assertEquals(message, frame.errorMessage());
  }

  private static void assertStillWorks(RawConnection raw) throws Exception {
    raw.send(RawFrames.request(99, RawFrames.JSON, 5000, EchoServices.NAME, ECHO, json("[\"ok\"]")));
    ReadFrame response = raw.read();
    assertEquals(RawFrames.RESPONSE, response.type());
    assertEquals(99, response.callId());
    assertEquals("\"ok\"", response.bodyText());
  }

  private static byte[] empty(int type, int flags, int serialization, int callId) {
    return RawFrames.frame(type, flags, serialization, callId, new byte[0]);
  }

  // Call id 0 (§2, §5)

  @Test
  void aRequestOnCallIdZeroIsAConnectionErrorAndIsNotRun() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(0, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]")));
      assertConnectionError(raw, "REQUEST with call id 0: call id 0 stands for the connection, a call needs its own id");
    }
    assertEquals(0, service.blobCalls.get(), "the request was not run");
    assertServerStillServes();
  }

  @Test
  void aCancelOnCallIdZeroIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(empty(RawFrames.CANCEL, 0, 0, 0));
      assertConnectionError(raw, "CANCEL with call id 0: call id 0 stands for the connection, a call needs its own id");
    }
    assertServerStillServes();
  }

  @Test
  void framesAfterTheBrokenOneAreNotRun() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.concat(RawFrames.request(0, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]")),
          RawFrames.request(1, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]"))));
      assertConnectionError(raw, "REQUEST with call id 0: call id 0 stands for the connection, a call needs its own id");
    }
    assertEquals(0, service.blobCalls.get());
    assertServerStillServes();
  }

  @Test
  void anUnknownFrameTypeOnCallIdZeroIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(empty(42, 0, 0, 0));
      assertConnectionError(raw, "unknown frame type 42");
    }
    assertServerStillServes();
  }

  // Flags (§2, §4)

  @Test
  void unknownRequestFlagBitsAreAnErrorForThatCallWhichIsNotRun() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(7, 0x40, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]")));
      assertCallError(raw.read(), 7, RawFrames.PROTOCOL_ERROR,
          "unknown REQUEST flag bits 0x40 (this server knows 0x0F); the call was not run");
      // One-way: no answer, and still not run.
      raw.send(RawFrames.request(8, 0x80 | RawFrames.FLAG_ONE_WAY, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]")));
      assertStillWorks(raw);
    }
    assertEquals(0, service.blobCalls.get(), "no call with unknown flags ran");
    assertServerStillServes();
  }

  @Test
  void framesWithoutFlagsOrPayloadMustSayZero() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(empty(RawFrames.PING, 0x01, 0, 5));
      assertCallError(raw.read(), 5, RawFrames.PROTOCOL_ERROR,
          "unknown PING flag bits 0x01 (this server knows 0x00); the frame was ignored");
      raw.send(empty(RawFrames.PING, 0, RawFrames.JSON, 6));
      assertCallError(raw.read(), 6, RawFrames.PROTOCOL_ERROR,
          "PING carries no payload, its serialization id must be 0, not 1; the frame was ignored");
      raw.send(empty(RawFrames.CANCEL, 0x10, 0, 7));
      assertCallError(raw.read(), 7, RawFrames.PROTOCOL_ERROR,
          "unknown CANCEL flag bits 0x10 (this server knows 0x00); the frame was ignored");
      raw.send(empty(RawFrames.PONG, 0x02, 0, 8));
      assertCallError(raw.read(), 8, RawFrames.PROTOCOL_ERROR,
          "unknown PONG flag bits 0x02 (this server knows 0x00); the frame was ignored");
      assertStillWorks(raw);
    }
    assertServerStillServes();
  }

  // HELLO (§8)

  @Test
  void aHelloAnnouncingAFrameLimitBelowTheHeaderIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.hello(8, RawFrames.JSON));
      assertConnectionError(raw, "HELLO announces a maximum frame size of 8 bytes, below the 9-byte header");
    }
    assertServerStillServes();
  }

  @Test
  void aHelloWithSerializationIdZeroOrAnIdTwiceIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.hello(1024, RawFrames.JSON, 0));
      assertConnectionError(raw, "HELLO announces serialization id 0, which stands for no payload");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.hello(1024, RawFrames.SMILE, RawFrames.SMILE));
      assertConnectionError(raw, "HELLO announces serialization id 2 twice");
    }
    assertServerStillServes();
  }

  @Test
  void aMalformedHelloIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.HELLO, 0, 0, 0, new byte[]{0, 0, 4}));
      assertConnectionError(raw, "malformed frame body: frame ends inside the hello max frame size");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.HELLO, 0, 0, 3, new byte[0]));
      assertConnectionError(raw, "HELLO with call id 3: HELLO concerns the connection, its call id is 0");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.HELLO, 0x01, 0, 0, new byte[0]));
      assertConnectionError(raw, "unknown HELLO flag bits 0x01 (this server knows 0x00); the frame was ignored");
    }
    assertServerStillServes();
  }

  @Test
  void aRepeatedHelloIsAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.hello());
      assertEquals(RawFrames.HELLO, raw.read().type());
      assertStillWorks(raw);
      raw.send(RawFrames.hello());
      assertConnectionError(raw, "repeated HELLO: a client sends one per connection");
    }
    assertServerStillServes();
  }

  @Test
  void requestsBeforeOrWithoutAHelloAreServed() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      assertStillWorks(raw);
      raw.send(RawFrames.hello());
      assertEquals(RawFrames.HELLO, raw.read().type());
      assertStillWorks(raw);
    }
  }

  // Server-only frames (§3)

  @Test
  void serverOnlyFramesFromAClientAreAConnectionError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.RESPONSE, 0, RawFrames.JSON, 4, json("\"x\"")));
      assertConnectionError(raw, "RESPONSE is sent by servers only");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.ERROR, 0, 0, 4, errorBody(RawFrames.BAD_REQUEST, "no")));
      assertConnectionError(raw, "ERROR with call id 4 is sent by servers only; a client reports a connection error with call id 0");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.GOAWAY, 0, 0, 0, new byte[]{0, 7, 0, 0}));
      assertConnectionError(raw, "GOAWAY is sent by servers only");
    }
    assertServerStillServes();
  }

  @Test
  void aClientErrorOnCallIdZeroClosesTheConnectionQuietly() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.concat(RawFrames.frame(RawFrames.ERROR, 0, 0, 0, errorBody(RawFrames.PROTOCOL_ERROR, "bye")),
          RawFrames.request(1, RawFrames.JSON, 5000, EchoServices.NAME, BLOB, json("[1]"))));
      assertTrue(raw.closedByPeer(), "closed with no frame sent");
    }
    assertEquals(0, service.blobCalls.get(), "nothing after the client's error ran");
    assertServerStillServes();
  }

  private static byte[] errorBody(int code, String message) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    return RawFrames.concat(new byte[]{(byte) (code >> 8), (byte) code, (byte) (text.length >> 8), (byte) text.length}, text,
        new byte[]{0, 0});
  }

  // Payloads (§6)

  private static byte[] withSurrogateFor(JsonFactory factory) throws Exception {
    byte[] payload = new ObjectMapper(factory).writeValueAsBytes(List.of("aXXXb"));
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == 'X') {
        // ED A0 80 would be U+D800, a surrogate: not UTF-8.
        payload[i] = (byte) 0xED;
        payload[i + 1] = (byte) 0xA0;
        payload[i + 2] = (byte) 0x80;
        return payload;
      }
    }
    throw new AssertionError("no placeholder");
  }

  @Test
  void invalidUtf8InTheArgumentsIsABadRequestInEveryFormat() throws Exception {
    Map<Integer, JsonFactory> formats = Map.of(RawFrames.JSON, new JsonFactory(), RawFrames.SMILE, new SmileFactory(),
        RawFrames.CBOR, new CBORFactory());
    try (RawConnection raw = new RawConnection(port)) {
      int callId = 1;
      for (Map.Entry<Integer, JsonFactory> format : formats.entrySet()) {
        raw.send(RawFrames.request(callId, format.getKey(), 5000, EchoServices.NAME, ECHO, withSurrogateFor(format.getValue())));
        ReadFrame error = raw.read();
        assertEquals(RawFrames.ERROR, error.type());
        assertEquals(callId++, error.callId());
        assertEquals(RawFrames.BAD_REQUEST, error.errorCode(), error.errorMessage());
        assertTrue(error.errorMessage().contains("not valid UTF-8"), error.errorMessage());
      }
      assertStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void bytesAfterTheArgumentArrayAreABadRequestInEveryFormat() throws Exception {
    Map<Integer, JsonFactory> formats = Map.of(RawFrames.JSON, new JsonFactory(), RawFrames.SMILE, new SmileFactory(),
        RawFrames.CBOR, new CBORFactory());
    try (RawConnection raw = new RawConnection(port)) {
      int callId = 1;
      for (Map.Entry<Integer, JsonFactory> format : formats.entrySet()) {
        byte[] args = RawFrames.concat(new ObjectMapper(format.getValue()).writeValueAsBytes(List.of("abc")), json("xyz"));
        raw.send(RawFrames.request(callId, format.getKey(), 5000, EchoServices.NAME, ECHO, args));
        String name = format.getKey() == RawFrames.JSON ? "json" : format.getKey() == RawFrames.SMILE ? "smile" : "cbor";
        assertCallError(raw.read(), callId++, RawFrames.BAD_REQUEST,
            "test.Echo#echo(java.lang.String): unexpected bytes after the " + name + " argument array");
      }
      assertStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void invalidUtf8InANameOrAMetadataKeyIsAnErrorForThatCall() throws Exception {
    byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_BY_NAME, RawFrames.JSON, 3, body(out -> {
        out.writeInt(5000);
        out.writeShort(3);
        out.write(surrogate);
        out.writeShort(4);
        out.write("echo".getBytes(StandardCharsets.UTF_8));
        out.write(json("[\"x\"]"));
      })));
      assertCallError(raw.read(), 3, RawFrames.PROTOCOL_ERROR,
          "malformed frame body: service name is not valid UTF-8 (at byte 0 of the string)");
      raw.send(RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_METADATA, RawFrames.JSON, 4, body(out -> {
        out.writeInt(5000);
        out.writeInt(RawFrames.fnv1a(EchoServices.NAME));
        out.writeInt(RawFrames.fnv1a(ECHO));
        out.writeShort(1);
        out.writeShort(4);
        out.write('k');
        out.write(surrogate);
        out.writeInt(1);
        out.write('v');
        out.write(json("[\"x\"]"));
      })));
      assertCallError(raw.read(), 4, RawFrames.PROTOCOL_ERROR,
          "malformed frame body: metadata key is not valid UTF-8 (at byte 1 of the string)");
      assertStillWorks(raw);
    }
    assertServerStillServes();
  }

  /** Found by the fuzz suite (seed 20261130, batch 239 of the long run): the refusal escaped to Vert.x. */
  @Test
  void anEmptyMetadataKeyIsAnErrorForThatCall() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_METADATA, RawFrames.JSON, 5, body(out -> {
        out.writeInt(5000);
        out.writeInt(RawFrames.fnv1a(EchoServices.NAME));
        out.writeInt(RawFrames.fnv1a(ECHO));
        out.writeShort(1);
        out.writeShort(0);
        out.writeInt(1);
        out.write('v');
        out.write(json("[\"x\"]"));
      })));
      assertCallError(raw.read(), 5, RawFrames.PROTOCOL_ERROR, "malformed frame body: metadata key 0 is empty");
      assertStillWorks(raw);
    }
    assertServerStillServes();
  }

  private interface BodyWriter {
    void write(DataOutputStream out) throws Exception;
  }

  private static byte[] body(BodyWriter writer) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    }
    return bytes.toByteArray();
  }

  // Half-close (§1)

  @Test
  void afterTheClientsFinItsCallsInFlightAreAnsweredThenTheConnectionCloses() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.concat(
          RawFrames.request(1, RawFrames.JSON, 5000, EchoServices.NAME, "sleep(long)", json("[300]")),
          RawFrames.request(2, RawFrames.JSON, 5000, EchoServices.NAME, ECHO, json("[\"sent before the FIN\"]"))));
      raw.shutdownOutput();
      ReadFrame first = raw.read();
      ReadFrame second = raw.read();
      assertEquals(List.of(RawFrames.RESPONSE, RawFrames.RESPONSE), List.of(first.type(), second.type()));
      assertEquals("\"sent before the FIN\"", first.bodyText());
      assertEquals("300", second.bodyText());
      assertTrue(raw.closedByPeer(), "the server closes once the calls are answered");
    }
    assertServerStillServes();
  }

  @Test
  void aCallStillRunningWhenTheHalfCloseTimeoutIsOverIsCancelled() throws Exception {
    long start = System.nanoTime();
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, EchoServices.NAME, "never()", json("[]")));
      raw.send(RawFrames.frame(RawFrames.PING, 0, 0, 2, new byte[0]));
      assertEquals(RawFrames.PONG, raw.read().type());
      raw.shutdownOutput();
      assertFalse(service.neverCalls.isEmpty());
      assertTrue(raw.closedByPeer(), "closed by the half-close timeout");
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMillis >= HALF_CLOSE_TIMEOUT, "closed after " + elapsedMillis + " ms");
    long deadline = System.currentTimeMillis() + 5_000;
    while (!service.neverCalls.get(0).isCancelled() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(service.neverCalls.get(0).isCancelled(), "the call left running was cancelled");
    assertServerStillServes();
  }
}
