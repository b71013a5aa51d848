package io.slacker.impl.protocol;

import io.slacker.CallMetadata;
import io.slacker.ServiceIds;
import io.slacker.ServiceException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.test.RawFrames;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder and decoder against the layout of docs/protocol.md. */
class FrameCodecTest {

  private final List<Frame> frames = new ArrayList<>();
  private final List<SlackerException> errors = new ArrayList<>();
  private final FrameDecoder decoder = decoder(1024);

  /** A decoder for inputs small enough never to be left for a later turn. */
  private FrameDecoder decoder(int maxFrameSize) {
    return new FrameDecoder(maxFrameSize, frames::add, errors::add, null, backlogged -> {
      throw new AssertionError("no backlog expected");
    });
  }

  @Test
  void idsAreTheFnv1aHashOfTheDocument() {
    // Published FNV-1a 32-bit test vectors.
    assertEquals(0xE40C292C, ServiceIds.serviceId("a"));
    assertEquals(0xBF9CF968, ServiceIds.serviceId("foobar"));
    assertEquals(RawFrames.fnv1a("add(int,int)"), ServiceIds.methodId("add(int,int)"));
  }

  @Test
  void theWorkedExampleOfTheSpecIsWhatTheEncoderWrites() throws Exception {
    byte[] payload = "[\"hi\"]".getBytes(StandardCharsets.UTF_8);
    Buffer encoded = FrameEncoder.request(1, 1, 5000, false, false, ServiceIds.serviceId("test.Echo"),
        ServiceIds.methodId("echo(java.lang.String)"), null, null, new CallMetadata(), out -> out.appendBytes(payload));
    byte[] expected = RawFrames.request(1, RawFrames.JSON, 5000, "test.Echo", "echo(java.lang.String)", payload);
    assertArrayEquals(expected, encoded.getBytes());
    assertEquals(27, encoded.getInt(0));
  }

  @Test
  void framesSplitAcrossReadsAndPackedTogetherAllDecode() {
    byte[] first = RawFrames.requestByName(7, "svc", "m", "k", "v", "[1]");
    byte[] second = RawFrames.frame(RawFrames.PING, 0, 0, 9, new byte[0]);
    byte[] stream = RawFrames.concat(first, second, first);
    for (byte b : stream) {
      decoder.handle(Buffer.buffer(new byte[]{b}));
    }
    decoder.handle(Buffer.buffer(RawFrames.concat(second, second)));
    assertEquals(5, frames.size());
    assertTrue(errors.isEmpty());
    RequestHeader header = RequestHeader.read(frames.get(0));
    assertEquals("svc", header.serviceName());
    assertEquals("m", header.methodName());
    assertEquals("v", header.metadata().get("k"));
    assertEquals(5000, header.timeoutMillis());
    assertEquals("[1]", frames.get(0).bytes().getString(header.payloadStart(), frames.get(0).end()));
    assertEquals(FrameType.PING, frames.get(1).type());
    assertEquals(9, frames.get(1).callId());
  }

  /**
   * A frame that lies whole in one read is handed out as a slice of it, one cut by a read
   * boundary is copied together: both must give the same bytes, wherever the reads are cut.
   */
  @Test
  void everyCutOfAStreamDecodesToTheSameFrames() {
    byte[] request = RawFrames.requestByName(7, "svc", "m", "k", "v", "[1]");
    byte[] ping = RawFrames.frame(RawFrames.PING, 0, 0, 9, new byte[0]);
    byte[] stream = RawFrames.concat(request, ping, request);
    for (int first = 0; first <= stream.length; first++) {
      for (int second = first; second <= stream.length; second += 5) {
        frames.clear();
        FrameDecoder cut = decoder(1024);
        cut.handle(Buffer.buffer(Arrays.copyOfRange(stream, 0, first)));
        cut.handle(Buffer.buffer(Arrays.copyOfRange(stream, first, second)));
        cut.handle(Buffer.buffer(Arrays.copyOfRange(stream, second, stream.length)));
        assertEquals(3, frames.size(), "cut at " + first + " and " + second);
        assertArrayEquals(Arrays.copyOfRange(request, 4, request.length), frames.get(0).bytes().getBytes());
        assertArrayEquals(Arrays.copyOfRange(ping, 4, ping.length), frames.get(1).bytes().getBytes());
        assertArrayEquals(Arrays.copyOfRange(request, 4, request.length), frames.get(2).bytes().getBytes());
      }
    }
    assertTrue(errors.isEmpty());
  }

  @Test
  void aLargeBacklogIsHandedOutOverSeveralTurnsOfTheEventLoop() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context context = vertx.getOrCreateContext();
      List<Boolean> backlogEvents = new CopyOnWriteArrayList<>();
      AtomicInteger handedOut = new AtomicInteger();
      CompletableFuture<Integer> firstTurn = new CompletableFuture<>();
      CompletableFuture<Integer> backlogGone = new CompletableFuture<>();
      context.runOnContext(v -> {
        FrameDecoder turns = new FrameDecoder(1024, frame -> handedOut.incrementAndGet(), errors::add, context,
            backlogged -> {
              backlogEvents.add(backlogged);
              if (!backlogged) {
                backlogGone.complete(handedOut.get());
              }
            });
        turns.handle(thousandPings());
        firstTurn.complete(handedOut.get());
      });
      assertEquals(1000, backlogGone.get(5, TimeUnit.SECONDS));
      int inFirstTurn = firstTurn.get(5, TimeUnit.SECONDS);
      assertTrue(inFirstTurn >= FrameDecoder.FRAMES_PER_TURN && inFirstTurn < 1000, "first turn: " + inFirstTurn);
      assertEquals(List.of(true, false), backlogEvents);
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClosedConnectionsBacklogIsNeverHandedOut() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context context = vertx.getOrCreateContext();
      AtomicInteger handedOut = new AtomicInteger();
      CompletableFuture<Integer> firstTurn = new CompletableFuture<>();
      context.runOnContext(v -> {
        FrameDecoder closing = new FrameDecoder(1024, frame -> handedOut.incrementAndGet(), errors::add, context, b -> { });
        closing.handle(thousandPings());
        firstTurn.complete(handedOut.get());
        // The connection closes with most of the read still waiting for later turns.
        closing.close();
        closing.handle(Buffer.buffer(RawFrames.frame(RawFrames.PING, 0, 0, 2, new byte[0])));
      });
      int inFirstTurn = firstTurn.get(5, TimeUnit.SECONDS);
      Thread.sleep(200);
      assertTrue(inFirstTurn < 1000, "first turn: " + inFirstTurn);
      assertEquals(inFirstTurn, handedOut.get(), "nothing after the close");
      assertTrue(errors.isEmpty());
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void anErrorCarriesItsRelayedCodeAndAnOlderErrorBodyHasNone() {
    decoder.handle(FrameEncoder.error(4, new SlackerException(StatusCode.APPLICATION_ERROR, "downstream gone",
        "io.slacker.SlackerException", StatusCode.UNAVAILABLE, null), false));
    decoder.handle(FrameEncoder.error(5, StatusCode.APPLICATION_ERROR, "own failure", "com.example.Oops"));
    assertEquals(StatusCode.UNAVAILABLE, ErrorBody.readError(frames.get(0)).relayedCode());
    assertEquals("downstream gone", ErrorBody.readError(frames.get(0)).getMessage());
    assertEquals(null, ErrorBody.readError(frames.get(1)).relayedCode());
  }

  @Test
  void anExtendedErrorCarriesTheFailureCodeAndDetails() {
    decoder.handle(FrameEncoder.error(6, new ServiceException(4711, "out of stock", new JsonObject().put("sku", "A-1")), true));
    decoder.handle(FrameEncoder.error(7, new SlackerException(StatusCode.INVALID_ARGUMENT, "bad quantity",
        new JsonObject().put("field", "quantity")), true));
    decoder.handle(FrameEncoder.error(8, new ServiceException(4711, "out of stock", new JsonObject().put("sku", "A-1")), false));
    ServiceException outOfStock = assertInstanceOf(ServiceException.class, ErrorBody.readError(frames.get(0)));
    assertEquals(4711, outOfStock.failureCode());
    assertEquals(new JsonObject().put("sku", "A-1"), outOfStock.details());
    SlackerException invalid = ErrorBody.readError(frames.get(1));
    assertEquals(StatusCode.INVALID_ARGUMENT, invalid.code());
    assertEquals(new JsonObject().put("field", "quantity"), invalid.details());
    SlackerException plain = ErrorBody.readError(frames.get(2));
    assertEquals(StatusCode.APPLICATION_ERROR, plain.code());
    assertEquals(null, plain.details(), "a peer that reads no extension gets none");
  }

  @Test
  void afterAProtocolErrorTheDecoderIgnoresTheRest() {
    decoder.handle(Buffer.buffer(RawFrames.frame(0x12, 1, RawFrames.PING, 0, 0, 1, new byte[0])));
    decoder.handle(Buffer.buffer(RawFrames.frame(RawFrames.PING, 0, 0, 2, new byte[0])));
    assertEquals(1, errors.size());
    assertEquals(StatusCode.PROTOCOL_ERROR, errors.get(0).code());
    assertTrue(frames.isEmpty());
  }

  @Test
  void errorAndGoawayBodiesRoundTrip() {
    decoder.handle(FrameEncoder.error(3, StatusCode.APPLICATION_ERROR, "bad thing ✗", "com.example.Oops"));
    decoder.handle(FrameEncoder.goaway(StatusCode.UNAVAILABLE, "bye"));
    SlackerException error = ErrorBody.readError(frames.get(0));
    assertEquals(StatusCode.APPLICATION_ERROR, error.code());
    assertEquals("bad thing ✗", error.getMessage());
    assertEquals("com.example.Oops", error.remoteClass());
    assertEquals(3, frames.get(0).callId());
    assertEquals("bye", ErrorBody.readGoaway(frames.get(1)).getMessage());
  }

  @Test
  void anOverlongErrorMessageIsCutToFitTheStringLimit() {
    FrameDecoder large = decoder(1 << 20);
    large.handle(FrameEncoder.error(1, StatusCode.INTERNAL, "é".repeat(40_000), null));
    String message = ErrorBody.readError(frames.get(0)).getMessage();
    assertEquals("é".repeat(21_845), message);
  }

  @Test
  void helloCarriesTheLimitAndSerializations() {
    decoder.handle(FrameEncoder.hello(1000, new int[]{1, 2, 3}));
    HelloBody hello = HelloBody.read(frames.get(0));
    assertEquals(1000, hello.maxFrameSize());
    assertArrayEquals(new int[]{1, 2, 3}, hello.serializationIds());
  }

  @Test
  void aClientHelloCarriesItsTokenUnderTheAuthenticationBitAfterAnEmptyIncarnation() {
    long capabilities = Protocol.CAPABILITIES | Protocol.CAPABILITY_AUTHENTICATION;
    decoder.handle(FrameEncoder.hello(1000, new int[]{1}, capabilities, null, "tok.en"));
    HelloBody hello = HelloBody.read(frames.get(0));
    assertEquals(capabilities, hello.capabilities());
    assertNull(hello.incarnation());
    assertEquals("tok.en", hello.token());
  }

  @Test
  void bytesAfterTheIncarnationAreNoTokenWithoutTheAuthenticationBit() {
    // A HELLO from a newer peer with a field this reader does not know: ignored, never taken for a token.
    Buffer hello = FrameEncoder.hello(1000, new int[]{1}, Protocol.CAPABILITIES, "incarnation-1", null)
        .appendUnsignedShort(3).appendString("xyz");
    decoder.handle(hello.setInt(0, hello.length() - Protocol.LENGTH_FIELD_SIZE));
    HelloBody read = HelloBody.read(frames.get(0));
    assertEquals("incarnation-1", read.incarnation());
    assertNull(read.token());
  }

  @Test
  void aClientHelloCarriesItsNameAndVersionUnderTheClientInfoBit() {
    decoder.handle(FrameEncoder.clientHello(1000, new int[]{1}, null, "billing", "1.2.3"));
    decoder.handle(FrameEncoder.clientHello(1000, new int[]{1}, "tok.en", "é".repeat(200), "1.2.3"));
    decoder.handle(FrameEncoder.clientHello(1000, new int[]{1}, null, null, "1.2.3"));
    HelloBody plain = HelloBody.read(frames.get(0));
    assertEquals(Protocol.CAPABILITIES | Protocol.CAPABILITY_CLIENT_INFO, plain.capabilities());
    assertNull(plain.token());
    assertEquals("billing", plain.clientName());
    assertEquals("1.2.3", plain.clientVersion());
    HelloBody withToken = HelloBody.read(frames.get(1));
    assertEquals("tok.en", withToken.token());
    assertEquals("é".repeat(128), withToken.clientName(), "cut for display");
    assertEquals("1.2.3", withToken.clientVersion());
    HelloBody unnamed = HelloBody.read(frames.get(2));
    assertNull(unnamed.clientName());
    assertEquals("1.2.3", unnamed.clientVersion());
  }

  @Test
  void aHelloWithoutTheClientInfoBitHasNoClientInfo() {
    decoder.handle(FrameEncoder.hello(1000, new int[]{1}, Protocol.CAPABILITIES | Protocol.CAPABILITY_AUTHENTICATION, null, "tok.en"));
    HelloBody hello = HelloBody.read(frames.get(0));
    assertEquals("tok.en", hello.token());
    assertNull(hello.clientName());
    assertNull(hello.clientVersion());
  }

  @Test
  void aTokenThatDoesNotFitAStringIsRefusedWhenEncoded() {
    assertThrows(IllegalArgumentException.class, () -> FrameEncoder.hello(1000, new int[]{1},
        Protocol.CAPABILITY_AUTHENTICATION, null, "x".repeat(70_000)));
  }

  /** One read holding 1,000 PING frames: more than one event-loop turn hands out. */
  private static Buffer thousandPings() {
    byte[][] pings = new byte[1000][];
    java.util.Arrays.fill(pings, RawFrames.frame(RawFrames.PING, 0, 0, 1, new byte[0]));
    return Buffer.buffer(RawFrames.concat(pings));
  }
}
