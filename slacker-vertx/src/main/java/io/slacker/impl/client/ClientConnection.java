package io.slacker.impl.client;

import io.slacker.NotSentException;
import io.slacker.ConnectionLostException;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.TokenProvider;
import io.slacker.impl.Deadlines;
import io.slacker.impl.FlushCoalescing;
import io.slacker.impl.protocol.ErrorBody;
import io.slacker.impl.protocol.Frame;
import io.slacker.impl.protocol.FrameDecoder;
import io.slacker.impl.SlackerVersion;
import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.impl.protocol.FrameType;
import io.slacker.impl.protocol.HelloBody;
import io.slacker.impl.protocol.Protocol;
import io.slacker.impl.serialization.Serializers;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.ThreadingModel;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One multiplexed connection to a server. Calls may be handed over from any thread; all the
 * state below, timers included, belongs to the connection's own context and is touched there only.
 */
final class ClientConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  /** Where the call id sits in an encoded frame: it is chosen on the event loop, after encoding. */
  private static final int CALL_ID_POSITION = Protocol.LENGTH_FIELD_SIZE + Protocol.OFFSET_CALL_ID;

  private final SlackerClientImpl client;
  private final ServerEndpoint endpoint;
  private final SocketAddress address;
  private final boolean tls;
  private final SlackerClientOptions options;
  private final ContextInternal context;
  private final Map<Integer, PendingCall> pending = new HashMap<>();
  /** The deadline of every pending call, behind one timer. */
  private final Deadlines deadlines;
  /** Calls made before the handshake finished, sent once it does. */
  private final List<QueuedCall> queued = new ArrayList<>();
  private final CallIds callIds = new CallIds();
  private int queuedOneWay;
  private NetSocket socket;
  private FrameDecoder decoder;
  private boolean ready;
  private volatile boolean draining;
  private volatile boolean closed;
  /** Set when this side closes the connection, so that a close by the server can be told apart. */
  private boolean closing;
  private SlackerException closeReason;
  private long keepAliveTimer = -1;
  private long pongTimer = -1;
  private long handshakeTimer = -1;
  private int pingIds;
  /** The server's limit from its HELLO; until then, our own. */
  private volatile long peerMaxFrameSize;
  /** The incarnation the server named in its HELLO, or {@code null}: a server outside discovery names none. */
  private String peerIncarnation;
  /** The token this connection's HELLO carried, or {@code null}: a call with another one carries its own. */
  private volatile String helloToken;

  /** @param tls whether to connect with TLS */
  ClientConnection(SlackerClientImpl client, ServerEndpoint endpoint, SocketAddress address, boolean tls,
                   SlackerClientOptions options) {
    this.client = client;
    this.endpoint = endpoint;
    this.address = address;
    this.tls = tls;
    this.options = options;
    this.context = connectionContext(client.vertx());
    this.deadlines = new Deadlines(context);
    this.peerMaxFrameSize = options.getMaxFrameSize();
  }

  /**
   * The caller's event loop when it has one, as Vert.x's own clients do: a verticle's calls,
   * their answers and its callbacks then stay on one thread, with no hand-off per call. The
   * context is the connection's own, so its timers do not belong to the caller's deployment.
   */
  private static ContextInternal connectionContext(VertxInternal vertx) {
    ContextInternal current = vertx.getContext();
    if (current != null && current.isEventLoopContext()) {
      return vertx.contextBuilder()
          .withThreadingModel(ThreadingModel.EVENT_LOOP)
          .withEventLoop(current.nettyEventLoop())
          .build();
    }
    return vertx.createEventLoopContext();
  }

  /** @return whether new calls may use this connection: not closed and no goaway received */
  boolean acceptsCalls() {
    return !closed && !draining;
  }

  void connect() {
    context.runOnContext(v -> client.transport().connect(address, tls).onComplete(ar -> {
      if (ar.failed()) {
        onConnectFailed(ar.cause());
      } else if (closed) {
        ar.result().close();
      } else if (ar.result().localAddress().equals(ar.result().remoteAddress())) {
        // Linux may pick the target port as the source of a connect to a dead local port.
        ar.result().close();
        onConnectFailed(new java.net.ConnectException("connected to itself: nothing listens there"));
      } else {
        onConnected(ar.result());
      }
    }));
  }

  private void onConnectFailed(Throwable cause) {
    SlackerException reason = new SlackerException(StatusCode.UNAVAILABLE, TlsFailures.isTls(cause)
        ? describeTls(cause) : "cannot connect to " + address + ": " + cause.getMessage(), cause);
    // The backoff's message quotes the failure: TLS failures in words, others as the JDK says them.
    endpoint.connectFailed(TlsFailures.isTls(cause) ? reason : cause);
    // Calls handed over after this point fail with the same reason.
    closeReason = reason;
    closed = true;
    failAll(reason);
    endpoint.connectionClosed(this);
    client.connectionLost(address, reason);
  }

  private void onConnected(NetSocket socket) {
    this.socket = socket;
    FlushCoalescing.install(socket);
    decoder = new FrameDecoder(options.getMaxFrameSize(), this::onFrame, error -> close(
        new SlackerException(StatusCode.UNAVAILABLE, "connection to " + address + " broke the protocol: " + error.getMessage())),
        context, backlogged -> {
          if (backlogged) {
            socket.pause();
          } else {
            socket.resume();
          }
        });
    socket.handler(decoder);
    socket.closeHandler(v -> onClosed());
    // With TLS 1.3 the server checks the client's certificate after the client's handshake is done:
    // its refusal arrives here, before the server's HELLO.
    socket.exceptionHandler(e -> closeReason = closeReason != null ? closeReason
        : new SlackerException(StatusCode.UNAVAILABLE, !ready && TlsFailures.isTls(e) ? describeTls(e)
            : "connection to " + address + " failed: " + e.getMessage(), e));
    handshakeTimer = context.setTimer(options.getConnectTimeoutMillis(), t -> close(new SlackerException(
        StatusCode.UNAVAILABLE, address + " did not answer the handshake within " + options.getConnectTimeoutMillis() + " ms")));
    TokenProvider provider = client.tokenProvider();
    if (provider == null) {
      writeHello(null);
      return;
    }
    ClientTokens.current(provider, "the connection to " + address).onComplete(token -> context.execute(() -> {
      if (!closed) {
        writeHello(token.succeeded() ? token.result() : null);
      }
    }));
  }

  /**
   * A HELLO with the token when the provider gave one; else without, and each call carries its
   * own token instead: the connection, and the server's place in rotation, do not depend on it.
   */
  private void writeHello(String token) {
    helloToken = token;
    socket.write(FrameEncoder.clientHello(options.getMaxFrameSize(), Serializers.get().ids(), token, options.getName(),
        SlackerVersion.get()));
  }

  private String describeTls(Throwable failure) {
    return TlsFailures.describe(address, failure, client.transport().presentsCertificate());
  }

  /** Encodes on the caller's thread, then hands the frame to the connection's context. */
  void send(ClientCallImpl call, Promise<Object> promise) {
    String token = call.token();
    if (token != null && !token.equals(helloToken)) {
      // Refreshed since this connection opened, or sent before its HELLO: the server verifies this one instead.
      call.metadata().put(Protocol.METADATA_TOKEN, token);
    }
    Buffer frame;
    try {
      frame = encode(call);
    } catch (IOException | RuntimeException e) {
      promise.fail(new SlackerException(StatusCode.BAD_REQUEST,
          "the arguments of " + call + " cannot be serialized as " + call.serializer().name() + ": " + e.getMessage(), e));
      return;
    }
    long limit = Math.min(options.getMaxFrameSize(), peerMaxFrameSize);
    if (frame.length() - Protocol.LENGTH_FIELD_SIZE > limit) {
      promise.fail(new SlackerException(StatusCode.BAD_REQUEST, "the request for " + call + " is "
          + (frame.length() - Protocol.LENGTH_FIELD_SIZE) + " bytes, over the maximum frame size of " + limit));
      return;
    }
    call.requestBytes(frame.length());
    context.execute(() -> enqueue(call, promise, frame));
  }

  /** The frame with call id 0; {@link #enqueue} writes the real one in. */
  private static Buffer encode(ClientCallImpl call) throws IOException {
    boolean byName = call.descriptor() == null;
    return FrameEncoder.request(0, call.serializer().id(), call.timeoutMillis(), call.oneWay(), call.toLeader(),
        byName ? 0 : call.descriptor().serviceId(), byName ? 0 : call.descriptor().methodId(),
        byName ? call.service() : null, byName ? call.method() : null,
        call.metadata(),
        out -> call.serializer().writeValues(out, call.arguments(), byName ? null : call.descriptor().parameterTypes()));
  }

  private void enqueue(ClientCallImpl call, Promise<Object> promise, Buffer frame) {
    SlackerException refusal = refusal();
    if (refusal != null) {
      promise.fail(refusal);
      return;
    }
    PendingCall pendingCall = new PendingCall(this, callIds.next(pending::containsKey), call, promise);
    frame.setInt(CALL_ID_POSITION, pendingCall.callId);
    if (call.oneWay()) {
      if (ready) {
        writeOneWay(frame, promise);
      } else {
        queuedOneWay++;
        queued.add(new QueuedCall(pendingCall, frame));
      }
      return;
    }
    if (ready && !sameIncarnation(call)) {
      promise.fail(notTheLeader(call));
      return;
    }
    pending.put(pendingCall.callId, pendingCall);
    deadlines.add(pendingCall, call.timeoutMillis());
    if (ready) {
      socket.write(frame);
    } else {
      queued.add(new QueuedCall(pendingCall, frame));
    }
  }

  /** Why a new call cannot go out on this connection now, or {@code null} when it can. It was not sent. */
  private SlackerException refusal() {
    if (closed) {
      SlackerException reason = closeReason();
      return new NotSentException(StatusCode.UNAVAILABLE, reason.getMessage(), true, reason.getCause());
    }
    if (draining) {
      return notSentAfterGoaway();
    }
    int inFlight = pending.size() + queuedOneWay;
    if (inFlight >= options.getMaxCallsInFlight()) {
      return new NotSentException(StatusCode.OVERLOADED, inFlight + " calls already in flight on the connection to "
          + address, false, null);
    }
    if (ready && socket.writeQueueFull()) {
      // The server is not reading: buffering more, fire-and-forget calls above all, would only grow memory.
      return new NotSentException(StatusCode.OVERLOADED, "the write queue to " + address
          + " is full (the server is not reading); the call was not sent", false, null);
    }
    return null;
  }

  private record QueuedCall(PendingCall call, Buffer frame) {
  }

  /**
   * A leader call goes only to the process discovery names as the leader: a process restarted at
   * the leader's address is another incarnation, and is not the leader however the address reads.
   */
  private boolean sameIncarnation(ClientCallImpl call) {
    String expected = call.leaderIncarnation();
    return expected == null || peerIncarnation == null || expected.equals(peerIncarnation);
  }

  private NotSentException notTheLeader(ClientCallImpl call) {
    return new NotSentException(StatusCode.NOT_LEADER, "discovery names incarnation " + call.leaderIncarnation()
        + " as the leader at " + address + ", but the process there is " + peerIncarnation + "; the call was not sent",
        false, null);
  }

  private void writeOneWay(Buffer frame, Promise<Object> promise) {
    socket.write(frame).onComplete(ar -> {
      if (ar.succeeded()) {
        promise.tryComplete(null);
      } else {
        promise.tryFail(new SlackerException(StatusCode.UNAVAILABLE,
            "one-way call to " + address + " was not written: " + ar.cause().getMessage(), ar.cause()));
      }
    });
  }

  private void onFrame(Frame frame) {
    try {
      dispatch(frame);
    } catch (SlackerException malformed) {
      close(new SlackerException(StatusCode.UNAVAILABLE, address + " sent a malformed frame: " + malformed.getMessage()));
    }
  }

  private void dispatch(Frame frame) {
    switch (frame.type()) {
      case FrameType.RESPONSE -> onResponse(frame);
      case FrameType.ERROR -> onError(frame);
      case FrameType.PONG -> onPong();
      case FrameType.PING -> socket.write(FrameEncoder.pong(frame.callId()));
      case FrameType.GOAWAY -> onGoaway(frame);
      case FrameType.HELLO -> onHello(frame);
      default -> {
        // Frame types from a newer server that this client does not know carry nothing it needs;
        // REQUEST and CANCEL are the client's own, and a server has no call to make of them.
      }
    }
  }

  private void onHello(Frame frame) {
    HelloBody hello = HelloBody.read(frame);
    peerMaxFrameSize = hello.maxFrameSize();
    peerIncarnation = hello.incarnation();
    if (ready) {
      // A repeated HELLO only restates the limit.
      return;
    }
    client.vertx().cancelTimer(handshakeTimer);
    ready = true;
    LOG.debug("Connected to {}", address);
    endpoint.connected();
    if (client.metrics() != null) {
      client.metrics().connectionOpened(address);
    }
    for (QueuedCall waiting : queued) {
      if (waiting.call.call.oneWay()) {
        writeOneWay(waiting.frame, waiting.call.promise);
      } else if (pending.get(waiting.call.callId) != waiting.call) {
        // Calls that timed out during the handshake are not sent at all.
      } else if (!sameIncarnation(waiting.call.call)) {
        take(waiting.call.callId);
        waiting.call.promise.fail(notTheLeader(waiting.call.call));
      } else {
        socket.write(waiting.frame);
      }
    }
    queued.clear();
    queuedOneWay = 0;
    keepAliveTimer = context.setPeriodic(options.getKeepAliveIntervalMillis(), t -> sendPing());
  }

  private void onResponse(Frame frame) {
    PendingCall call = take(frame.callId());
    if (call == null) {
      // A late answer to a call that timed out, or one on call id 0, which no call has.
      return;
    }
    if (frame.flags() != 0) {
      // A flag this client does not know may change what the payload means: it is not guessed at.
      call.promise.fail(new SlackerException(StatusCode.PROTOCOL_ERROR, String.format(
          "the response of %s has unknown flag bits 0x%02X", call.call, frame.flags())));
      return;
    }
    call.call.responseBytes(frame.wireSize());
    Object value;
    try {
      value = call.call.serializer().readValue(frame.bytes(), frame.bodyStart(), frame.end(), call.call.resultType());
    } catch (IOException | RuntimeException e) {
      call.promise.fail(new SlackerException(StatusCode.INTERNAL, "the result of " + call.call + " does not decode as "
          + call.call.resultType().toCanonical() + ": " + e.getMessage(), e));
      return;
    }
    call.promise.complete(value);
  }

  private void onError(Frame frame) {
    SlackerException error = ErrorBody.readError(frame);
    if (frame.callId() == 0) {
      // A connection-level error: the server closes next, and pending calls fail with it.
      closeReason = new SlackerException(StatusCode.UNAVAILABLE, address + " reported " + error.code() + ": " + error.getMessage());
      return;
    }
    PendingCall call = take(frame.callId());
    if (call != null) {
      // A live server answers UNAVAILABLE (shutting down) and NOT_LEADER only for a call it did not run.
      call.promise.fail(error.code() == StatusCode.UNAVAILABLE || error.code() == StatusCode.NOT_LEADER
          ? new NotSentException(error.code(), address + " did not run the call: " + error.getMessage(), false, null)
          : error);
    }
  }

  private PendingCall take(int callId) {
    PendingCall call = pending.remove(callId);
    if (call != null) {
      deadlines.remove(call);
      closeIfDrained();
    }
    return call;
  }

  /** The call's deadline passed with no answer. */
  void onTimeout(PendingCall call) {
    int callId = call.callId;
    if (!pending.remove(callId, call)) {
      return;
    }
    call.promise.fail(new NoAnswerException(call.call + " timed out after " + call.call.timeoutMillis() + " ms"));
    if (ready && !closed) {
      socket.write(FrameEncoder.cancel(callId));
    }
    closeIfDrained();
  }

  private void sendPing() {
    if (pongTimer >= 0 || closed) {
      return;
    }
    socket.write(FrameEncoder.ping(++pingIds));
    pongTimer = context.setTimer(options.getKeepAliveTimeoutMillis(), t -> close(new SlackerException(
        StatusCode.UNAVAILABLE, address + " did not answer a ping within " + options.getKeepAliveTimeoutMillis() + " ms")));
  }

  private void onPong() {
    client.vertx().cancelTimer(pongTimer);
    pongTimer = -1;
  }

  /** No new call goes out here; calls not yet sent fail as not sent, the rest are answered first. */
  private void onGoaway(Frame frame) {
    draining = true;
    closeReason = ErrorBody.readGoaway(frame);
    SlackerException notSent = notSentAfterGoaway();
    for (QueuedCall waiting : queued) {
      PendingCall call = waiting.call;
      if (pending.remove(call.callId, call)) {
        deadlines.remove(call);
      }
      call.promise.tryFail(notSent);
    }
    queued.clear();
    queuedOneWay = 0;
    closeIfDrained();
  }

  private NotSentException notSentAfterGoaway() {
    // The server stops, or retires an idle connection: either way the call may go out on a new one.
    return new NotSentException(StatusCode.UNAVAILABLE, address + " closes this connection (GOAWAY); the call was not sent",
        false, null);
  }

  private void closeIfDrained() {
    if (draining && pending.isEmpty() && socket != null) {
      socket.close();
    }
  }

  /** Closes the connection; pending calls fail with {@code reason}. Safe from any thread. */
  void close(SlackerException reason) {
    context.execute(() -> {
      closing = true;
      if (closeReason == null) {
        closeReason = reason;
      }
      if (socket != null) {
        socket.close();
      } else if (!closed) {
        closed = true;
        failAll(reason);
        endpoint.connectionClosed(this);
      }
    });
  }

  private void onClosed() {
    if (ready && !closed && client.metrics() != null) {
      client.metrics().connectionClosed(address);
    }
    closed = true;
    decoder.close();
    client.vertx().cancelTimer(keepAliveTimer);
    client.vertx().cancelTimer(pongTimer);
    client.vertx().cancelTimer(handshakeTimer);
    if (!ready && !draining && !closing) {
      refusedBeforeHello();
    }
    SlackerException reason = closeReason();
    // Retired by its server with GOAWAY and every call answered (an idle connection, typically):
    // nothing failed, and the server stays in rotation.
    boolean retired = draining && pending.isEmpty();
    if (ready && !retired && !closing) {
      LOG.info("Connection to {} lost, {} calls in flight: {}", address, pending.size(), reason.getMessage());
    } else {
      LOG.debug("Connection to {} closed", address);
    }
    failAll(reason);
    endpoint.connectionClosed(this);
    if (!retired) {
      client.connectionLost(address, reason);
    }
  }

  /**
   * The server closed before it answered the handshake: a TLS server refusing this client or its
   * plain TCP, or no Slacker server at all. That counts as a failed connect, so that calls back
   * off instead of reconnecting at once, each to the same refusal.
   */
  private void refusedBeforeHello() {
    if (closeReason == null && !tls) {
      closeReason = new SlackerException(StatusCode.UNAVAILABLE, TlsFailures.closedBeforeHello(address));
    }
    endpoint.connectFailed(closeReason != null ? closeReason : new SlackerException(StatusCode.UNAVAILABLE,
        "the connection to " + address + " closed before the server answered the handshake"));
  }

  private SlackerException closeReason() {
    return closeReason != null && closeReason.code() == StatusCode.UNAVAILABLE ? closeReason
        : new SlackerException(StatusCode.UNAVAILABLE, "the connection to " + address + " closed");
  }

  private void failAll(SlackerException reason) {
    NotSentException notSent = new NotSentException(StatusCode.UNAVAILABLE, reason.getMessage(), true, reason.getCause());
    // Calls still queued for the handshake were never written; every other pending one was, and may have run.
    for (QueuedCall waiting : queued) {
      pending.remove(waiting.call.callId, waiting.call);
      waiting.call.promise.tryFail(notSent);
    }
    queued.clear();
    queuedOneWay = 0;
    ConnectionLostException lost = new ConnectionLostException(reason);
    deadlines.clear();
    for (PendingCall call : pending.values()) {
      call.promise.tryFail(lost);
    }
    pending.clear();
  }
}
