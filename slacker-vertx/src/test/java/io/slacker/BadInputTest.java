package io.slacker;

import io.slacker.test.EchoServerTestBase;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static io.slacker.test.RawFrames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed input gets its documented answer, and the server keeps serving others. */
class BadInputTest extends EchoServerTestBase {

  private static final int MAX_FRAME = 1024;
  private static final String ECHO = "echo(java.lang.String)";
  private static final String ADD = "add(int,int)";

  @Override
  protected SlackerServerOptions serverOptions() {
    return new SlackerServerOptions().setMaxFrameSize(MAX_FRAME);
  }

  private void assertConnectionError(RawConnection raw, String message) throws Exception {
    ReadFrame error = raw.read();
    assertEquals(RawFrames.ERROR, error.type());
    assertEquals(0, error.callId());
    assertEquals(RawFrames.PROTOCOL_ERROR, error.errorCode());
    assertEquals(message, error.errorMessage());
    assertTrue(raw.closedByPeer(), "the server closes the connection after a protocol error");
  }

  private void assertCallError(ReadFrame frame, int callId, int code, String message) {
    assertEquals(RawFrames.ERROR, frame.type());
    assertEquals(callId, frame.callId());
    assertEquals(code, frame.errorCode());
    assertEquals(message, frame.errorMessage());
  }

  /** The connection stays usable after a per-call error: a good call on it still works. */
  private void assertConnectionStillWorks(RawConnection raw) throws Exception {
    raw.send(RawFrames.request(99, RawFrames.JSON, 5000, EchoServices.NAME, ECHO, json("[\"ok\"]")));
    ReadFrame response = raw.read();
    assertEquals(RawFrames.RESPONSE, response.type());
    assertEquals(99, response.callId());
    assertEquals("\"ok\"", response.bodyText());
  }

  @Test
  void randomBytesCloseTheConnectionWithAProtocolError() throws Exception {
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    long claimed = ((noise[0] & 0xFFL) << 24) | ((noise[1] & 0xFF) << 16) | ((noise[2] & 0xFF) << 8) | (noise[3] & 0xFF);
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(noise);
      assertConnectionError(raw, "frame of " + claimed + " bytes exceeds the maximum frame size of " + MAX_FRAME + " bytes");
    }
    assertServerStillServes();
  }

  @Test
  void garbageWithAPlausibleLengthFailsOnTheMagicByte() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.concat(new byte[]{0, 0, 0, 20}, "GET / HTTP/1.1\r\nHost:".getBytes()));
      assertConnectionError(raw, "bad magic byte 0x47, expected 0xAC: the peer does not speak the Slacker protocol");
    }
    assertServerStillServes();
  }

  @Test
  void anOversizedFrameIsRejectedBeforeItsBytesArrive() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      // Only the length goes out: the answer cannot wait for (or buffer) the 2 GiB it announces.
      raw.send(new byte[]{0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      assertConnectionError(raw, "frame of 2147483647 bytes exceeds the maximum frame size of 1024 bytes");
    }
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, EchoServices.NAME, ECHO, json("[\"" + "x".repeat(MAX_FRAME) + "\"]")));
      assertConnectionError(raw, "frame of " + (9 + 12 + MAX_FRAME + 4) + " bytes exceeds the maximum frame size of 1024 bytes");
    }
    assertServerStillServes();
  }

  @Test
  void aFrameShorterThanItsHeaderIsAProtocolError() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(new byte[]{0, 0, 0, 3, 1, 2, 3});
      assertConnectionError(raw, "frame of 3 bytes is shorter than the 9-byte header");
    }
    assertServerStillServes();
  }

  @Test
  void aTruncatedFrameThenCloseIsDroppedQuietly() throws Exception {
    byte[] request = RawFrames.request(1, RawFrames.JSON, 0, EchoServices.NAME, ECHO, json("[\"cut short\"]"));
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(Arrays.copyOf(request, request.length - 5));
    }
    assertServerStillServes();
  }

  @Test
  void anUnknownFrameTypeGetsAnErrorAndTheConnectionStaysOpen() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(42, 0, 0, 7, new byte[]{1, 2, 3}));
      assertCallError(raw.read(), 7, RawFrames.PROTOCOL_ERROR, "unknown frame type 42");
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void anUnknownProtocolVersionClosesTheConnection() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.MAGIC, 9, RawFrames.HELLO, 0, 0, 0, new byte[0]));
      assertConnectionError(raw, "unsupported protocol version 9; this peer speaks version 1");
    }
    assertServerStillServes();
  }

  @Test
  void anUnknownSerializationIdIsABadRequest() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(3, 77, 0, EchoServices.NAME, ECHO, json("[\"x\"]")));
      assertCallError(raw.read(), 3, RawFrames.BAD_REQUEST, "unknown serialization id 77; this server knows [1, 2, 3]");
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void unknownServicesAndMethodsAreNotFound() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, "no.Such", ECHO, json("[\"x\"]")));
      assertCallError(raw.read(), 1, RawFrames.NOT_FOUND, "no service with id " + RawFrames.fnv1a("no.Such") + " on this server");
      raw.send(RawFrames.request(2, RawFrames.JSON, 0, EchoServices.NAME, "shout(java.lang.String)", json("[\"x\"]")));
      assertCallError(raw.read(), 2, RawFrames.NOT_FOUND,
          "service 'test.Echo' has no method with id " + RawFrames.fnv1a("shout(java.lang.String)"));
      raw.send(RawFrames.requestByName(3, "no.Such", "echo", "k", "v", "[\"x\"]"));
      assertCallError(raw.read(), 3, RawFrames.NOT_FOUND, "unknown service 'no.Such'");
      raw.send(RawFrames.requestByName(4, EchoServices.NAME, "shout", "k", "v", "[\"x\"]"));
      assertCallError(raw.read(), 4, RawFrames.NOT_FOUND, "service 'test.Echo' has no method 'shout'");
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void argumentsThatDoNotDecodeAreABadRequest() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("[\"one\", 2]")));
      ReadFrame error = raw.read();
      assertEquals(RawFrames.BAD_REQUEST, error.errorCode());
      assertTrue(error.errorMessage().startsWith("test.Echo#add(int,int): argument 0 does not decode as int: "),
          error.errorMessage());
      raw.send(RawFrames.request(2, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("{\"not\": \"an array\"}")));
      assertCallError(raw.read(), 2, RawFrames.BAD_REQUEST, "test.Echo#add(int,int): arguments must be a json array");
      raw.send(RawFrames.request(3, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("[1, 2")));
      ReadFrame truncated = raw.read();
      assertEquals(RawFrames.BAD_REQUEST, truncated.errorCode());
      assertTrue(truncated.errorMessage().startsWith("test.Echo#add(int,int): arguments do not decode as json: "),
          truncated.errorMessage());
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void theWrongNumberOfArgumentsIsABadRequest() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.request(1, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("[1]")));
      assertCallError(raw.read(), 1, RawFrames.BAD_REQUEST,
          "test.Echo#add(int,int): expected 2 arguments but the request has 1");
      raw.send(RawFrames.request(2, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("[1, 2, [3, 4], {\"a\": 5}]")));
      assertCallError(raw.read(), 2, RawFrames.BAD_REQUEST,
          "test.Echo#add(int,int): expected 2 arguments but the request has 4");
      raw.send(RawFrames.request(3, RawFrames.JSON, 0, EchoServices.NAME, ADD, json("[null, 2]")));
      ReadFrame nullPrimitive = raw.read();
      assertEquals(RawFrames.BAD_REQUEST, nullPrimitive.errorCode());
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void aRequestBodyCutShortIsAProtocolErrorForThatCall() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_BY_NAME, RawFrames.JSON, 5, new byte[]{0, 0, 0, 0, 0, 50, 'a'}));
      assertCallError(raw.read(), 5, RawFrames.PROTOCOL_ERROR,
          "malformed frame body: service name claims 50 bytes but only 1 remain");
      assertConnectionStillWorks(raw);
    }
    assertServerStillServes();
  }

  @Test
  void theByNameFormWithMetadataWorksFromRawBytes() throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      raw.send(RawFrames.hello());
      ReadFrame hello = raw.read();
      assertEquals(RawFrames.HELLO, hello.type());
      raw.send(RawFrames.requestByName(8, EchoServices.NAME, "metadata", "trace-id", "abc-123", "[\"trace-id\"]"));
      ReadFrame response = raw.read();
      assertEquals(RawFrames.RESPONSE, response.type());
      assertEquals(RawFrames.JSON, response.serialization());
      assertEquals("\"abc-123\"", response.bodyText());
      raw.send(RawFrames.frame(RawFrames.PING, 0, 0, 77, new byte[0]));
      ReadFrame pong = raw.read();
      assertEquals(RawFrames.PONG, pong.type());
      assertEquals(77, pong.callId());
    }
  }
}
