package io.slacker.impl.server;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.ServiceDefinition.ServerMethod;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.ClientDescription;
import io.slacker.cluster.impl.ServerAddresses;
import io.slacker.impl.Deadlines;
import io.slacker.impl.FlushCoalescing;
import io.slacker.impl.InterceptorChains;
import io.slacker.impl.protocol.Frame;
import io.slacker.impl.protocol.FrameDecoder;
import io.slacker.impl.protocol.FrameEncoder;
import io.slacker.impl.protocol.FrameHeaderScanner;
import io.slacker.impl.protocol.FrameType;
import io.slacker.impl.protocol.HelloBody;
import io.slacker.impl.protocol.Protocol;
import io.slacker.impl.protocol.RequestHeader;
import io.slacker.impl.serialization.Serializers;
import io.slacker.impl.tracing.ServerSpan;
import io.slacker.spi.Serializer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client connection on the server. All of its state is touched on the connection's event
 * loop only: a method whose future completes on another thread (a plain {@code Promise}, a
 * {@code CompletionStage}, a third-party client) has its result handed back to that loop first.
 * A write that fills the socket's queue pauses reading until it drains, so a client that does
 * not read its responses stops being read from instead of making the server buffer without bound.
 */
final class ServerConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);
  /** What a method that returns a service answers: its instance's name. */
  private static final JavaType INSTANCE_NAME = TypeFactory.defaultInstance().constructType(String.class);

  private final SlackerServerImpl server;
  private final NetSocket socket;
  private final ContextInternal context;
  /** The deadline of every call in flight, behind one timer. */
  private final Deadlines deadlines;
  private final Map<Integer, ServerCallImpl> calls = new HashMap<>();
  /**
   * Calls whose CANCEL has arrived but not yet been handed out: a request among them is not
   * started. After a pause (a GC stall, SIGSTOP) the receive buffer holds requests and, behind
   * them, the cancels their callers sent when they gave up.
   */
  private final Set<Integer> cancelledAhead = new HashSet<>();
  private FrameDecoder decoder;
  /** The services this connection's calls returned, kept for its caller. */
  private ServiceInstances instances;
  private ConnectionMemoryBudget memory;
  private ConnectionTimeouts timeouts;
  /** What the frame being read was charged, until it is handed out. */
  private long frameCharge;
  private boolean closed;
  private boolean draining;
  /** Why the connection drains: the server stops, or the connection was idle. */
  private String drainReason;
  /** Set once the linger after GOAWAY is over: from then on the connection closes when its calls are done. */
  private boolean lingerOver;
  private long lingerTimer = -1;
  /** Set once the client half-closed: nothing more will arrive, the connection closes when its calls are answered. */
  private boolean inputEnded;
  private long halfCloseTimer = -1;
  private boolean writeBlocked;
  private boolean inputBacklogged;
  /** The client's limit from its HELLO; until one arrives, our own. */
  private long peerMaxFrameSize;
  /** Whether the client's HELLO announced that it reads extended errors (§5); not until one arrives. */
  private boolean peerReadsExtendedErrors;
  /** Who the caller is; {@code null} on a server that authenticates no one. */
  private ConnectionIdentity identity;
  private boolean helloReceived;
  /** For describe, read from other threads: written only on this connection's context. */
  private final long connectedSince = System.currentTimeMillis();
  private volatile String clientName;
  private volatile String clientVersion;
  private volatile int inFlight;
  private volatile long served;

  ServerConnection(SlackerServerImpl server, NetSocket socket, ContextInternal context) {
    this.server = server;
    this.socket = socket;
    this.context = context;
    this.deadlines = new Deadlines(context);
  }

  void start() {
    LOG.debug("Connection from {} accepted", socket.remoteAddress());
    server.connections().opened(this);
    if (server.metrics() != null) {
      server.metrics().connectionOpened();
    }
    peerMaxFrameSize = server.options().getMaxFrameSize();
    identity = server.accessControl().newIdentity(socket);
    memory = server.connectionMemory();
    instances = new ServiceInstances(server.registry(), context, server.options().getLimits().getMaxServiceInstances(),
        server.options().getLimits().getServiceInstanceIdleTimeoutMillis(), String.valueOf(socket.remoteAddress()));
    decoder = new FrameDecoder(server.options().getMaxFrameSize(), this::admit, this::onFrame, this::onProtocolError,
        context, backlogged -> {
          inputBacklogged = backlogged;
          updateReading();
        });
    timeouts = new ConnectionTimeouts(server.vertx(), context, server.options().getLimits(), decoder,
        () -> writeBlocked || inputBacklogged, () -> !calls.isEmpty(),
        why -> onProtocolError(new SlackerException(StatusCode.PROTOCOL_ERROR, why)), this::drain);
    FrameHeaderScanner scanner = new FrameHeaderScanner((type, callId) -> {
      if (type == FrameType.CANCEL) {
        cancelledAhead.add(callId);
      }
    });
    socket.handler(data -> {
      scanner.scan(data);
      decoder.handle(data);
      timeouts.checkFrame();
    });
    socket.drainHandler(v -> {
      writeBlocked = false;
      decoder.resume();
      updateReading();
    });
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(e -> {
      FatalErrors.check(e);
      LOG.debug("connection from " + socket.remoteAddress() + " failed", e);
    });
    socket.shutdownHandler(v -> drain());
    timeouts.start();
    HalfClosure.watch(socket, this::onInputShutdown);
    FlushCoalescing.install(socket);
    if (server.isStopping()) {
      // Accepted while the server stops (another of its listeners still took it): no new calls here.
      drain();
    }
  }

  /**
   * Charges a frame before its body is stored. A request that does not fit is answered
   * OVERLOADED and skipped; any other frame that large has no business here, and closes the connection.
   */
  private boolean admit(int type, int flags, int callId, long length) {
    timeouts.frameArrived();
    long charge = memory.chargeFor(type, length);
    String refusal = charge == 0 ? null : memory.tryReserve(charge);
    if (refusal == null) {
      frameCharge = charge;
      return true;
    }
    String message = "a frame of " + length + " bytes (charged " + charge + ") does not fit: " + refusal;
    if (type == FrameType.REQUEST && server.metrics() != null) {
      server.metrics().overloaded();
    }
    if (type != FrameType.REQUEST) {
      onProtocolError(new SlackerException(StatusCode.OVERLOADED, message));
    } else if ((flags & Protocol.FLAG_ONE_WAY) == 0) {
      write(FrameEncoder.error(callId, StatusCode.OVERLOADED, message + "; the call was not run", null));
    }
    return false;
  }

  private void onFrame(Frame frame) {
    long charge = frameCharge;
    frameCharge = 0;
    ClientFrameRules.Violation violation = ClientFrameRules.check(frame);
    if (violation != null) {
      memory.release(charge);
      onViolation(frame, violation);
      return;
    }
    if (frame.type() == FrameType.REQUEST) {
      onRequest(frame, charge);
      return;
    }
    memory.release(charge);
    switch (frame.type()) {
      case FrameType.CANCEL -> onCancel(frame.callId());
      case FrameType.PING -> write(FrameEncoder.pong(frame.callId()));
      case FrameType.HELLO -> onHello(frame);
      // The client reports an error of its own on the connection (call id 0) and goes: so do we, quietly.
      case FrameType.ERROR -> {
        closed = true;
        decoder.close();
        socket.close();
      }
      default -> {
        // PONG: an answer to our ping needs no reply.
      }
    }
  }

  /** A frame that breaks a header rule is not acted on; an error on call id 0 always closes (§5). */
  private void onViolation(Frame frame, ClientFrameRules.Violation violation) {
    if (violation.connection() || frame.callId() == 0) {
      onProtocolError(new SlackerException(StatusCode.PROTOCOL_ERROR, violation.message()));
    } else if (!(frame.type() == FrameType.REQUEST && frame.hasFlag(Protocol.FLAG_ONE_WAY))) {
      write(FrameEncoder.error(frame.callId(), StatusCode.PROTOCOL_ERROR, violation.message(), null));
    }
  }

  private void onHello(Frame frame) {
    if (helloReceived) {
      onProtocolError(new SlackerException(StatusCode.PROTOCOL_ERROR, "repeated HELLO: a client sends one per connection"));
      return;
    }
    helloReceived = true;
    try {
      HelloBody hello = HelloBody.read(frame);
      peerMaxFrameSize = hello.maxFrameSize();
      peerReadsExtendedErrors = (hello.capabilities() & Protocol.CAPABILITY_EXTENDED_ERRORS) != 0;
      if (identity != null) {
        identity.helloToken(hello.token());
      }
      clientName = hello.clientName();
      clientVersion = hello.clientVersion();
    } catch (SlackerException e) {
      onProtocolError(e);
      return;
    }
    write(FrameEncoder.hello(server.options().getMaxFrameSize(), Serializers.get().ids(),
        Protocol.CAPABILITIES | server.accessControl().capabilities(), server.incarnation(), null));
  }

  private void onRequest(Frame frame, long charge) {
    int callId = frame.callId();
    timeouts.active();
    if (cancelledAhead.contains(callId)) {
      // Its caller gave up before the server got to it: never start it, and answer nothing.
      memory.release(charge);
      return;
    }
    boolean oneWay = frame.hasFlag(Protocol.FLAG_ONE_WAY);
    RequestHeader header;
    Resolved resolved;
    long leaderTerm;
    Serializer serializer = Serializers.get().byId(frame.serialization());
    try {
      if (draining) {
        // UNAVAILABLE from a live server always means "not run": the caller may send it elsewhere.
        throw new SlackerException(StatusCode.UNAVAILABLE, drainReason + "; the call was not run, send it again");
      }
      if (calls.containsKey(callId)) {
        throw new SlackerException(StatusCode.PROTOCOL_ERROR, "call id " + Integer.toUnsignedString(callId) + " is already in flight");
      }
      if (calls.size() >= server.options().getMaxCallsInFlightPerConnection()) {
        throw new SlackerException(StatusCode.OVERLOADED, calls.size() + " calls already in flight on this connection");
      }
      if (serializer == null) {
        throw new SlackerException(StatusCode.BAD_REQUEST, "unknown serialization id " + frame.serialization()
            + "; this server knows " + Arrays.toString(Serializers.get().ids()));
      }
      header = RequestHeader.read(frame, server.metadataLimits());
      AccessRefusal anonymous = identity == null ? null : identity.refusedUnread(header.metadata());
      if (anonymous != null) {
        throw anonymous;
      }
      resolved = resolve(frame, header, serializer);
      leaderTerm = frame.hasFlag(Protocol.FLAG_LEADER) ? requireLeadership(resolved.method.descriptor().serviceName()) : 0;
    } catch (SlackerException e) {
      memory.release(charge);
      if (e.code() == StatusCode.OVERLOADED && server.metrics() != null) {
        server.metrics().overloaded();
      }
      if (!oneWay) {
        write(FrameEncoder.error(callId, wireCode(e.code()), e.getMessage(), null));
      }
      return;
    }
    ServerCallImpl call = new ServerCallImpl(this, callId, resolved.method.descriptor(), header.metadata(),
        socket.remoteAddress(), header.timeoutMillis(), oneWay, leaderTerm);
    call.memoryCharge = charge;
    calls.put(callId, call);
    inFlight = calls.size();
    if (server.metrics() != null) {
      call.startNanos = System.nanoTime();
      call.requestBytes = frame.wireSize();
      server.metrics().callStarted(call.descriptor().serviceName(), call.descriptor().methodName());
    }
    if (header.timeoutMillis() > 0) {
      deadlines.add(call, header.timeoutMillis());
    }
    ServerSpan span = ServerSpan.start(context, server.options().getTracingPolicy(), call);
    if (span == null) {
      run(call, resolved, serializer, context);
    } else {
      call.span(span);
      span.context().dispatch(() -> run(call, resolved, serializer, span.context()));
    }
  }

  /** @param callContext where interceptors and the method run: the connection's context, or a duplicate for a traced call */
  private void run(ServerCallImpl call, Resolved resolved, Serializer serializer, ContextInternal callContext) {
    Future<Void> admitted = server.accessControl().admit(call, identity);
    Future<Object> outcome = admitted.succeeded() ? intercept(call, resolved)
        : onThisLoop(admitted, callContext).compose(v -> intercept(call, resolved));
    outcome.onComplete(result -> context.emit(result, r -> onComplete(call, serializer, r)));
  }

  private Future<Object> intercept(ServerCallImpl call, Resolved resolved) {
    return InterceptorChains.run(server.interceptors(), (interceptor, next) -> interceptor.intercept(call, next),
        () -> invoke(call, resolved));
  }

  /** An authentication provider may complete elsewhere: interceptors and the method run on the connection's loop. */
  private <T> Future<T> onThisLoop(Future<T> future, ContextInternal callContext) {
    Promise<T> here = callContext.promise();
    future.onComplete(here);
    return here.future();
  }

  private record Resolved(ServerMethod method, Object[] args) {
  }

  /** @return the term this server leads {@code service} in now, checked before the method runs */
  private long requireLeadership(String service) {
    long term = server.leaderTerm(service);
    if (term == 0) {
      throw new SlackerException(StatusCode.NOT_LEADER, "this server does not lead '" + service
          + "' now; the call was not run, ask discovery for the leader");
    }
    return term;
  }

  /** NOT_LEADER is new in extended errors: a client that does not read them gets its meaning, UNAVAILABLE (not run). */
  private StatusCode wireCode(StatusCode code) {
    return code == StatusCode.NOT_LEADER && !peerReadsExtendedErrors ? StatusCode.UNAVAILABLE : code;
  }

  private Resolved resolve(Frame frame, RequestHeader header, Serializer serializer) {
    if (!header.byName()) {
      ServerMethod method = server.registry().hasService(header.serviceId()) ? null
          : instances.find(header.serviceId(), header.methodId());
      method = method != null ? method : server.registry().find(header.serviceId(), header.methodId());
      return new Resolved(method, decodeArguments(method, serializer, frame, header));
    }
    // By-name calls carry no parameter types: the first overload the arguments decode into wins.
    SlackerException firstFailure = null;
    for (ServerMethod method : byName(header.serviceName(), header.methodName())) {
      try {
        return new Resolved(method, decodeArguments(method, serializer, frame, header));
      } catch (SlackerException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    throw firstFailure;
  }

  /** @return the methods of that name of a service of the server, or of an instance this connection holds */
  private List<ServerMethod> byName(String service, String method) {
    if (server.registry().service(service) == null) {
      List<ServerMethod> ofInstance = instances.find(service, method);
      if (ofInstance != null) {
        return ofInstance;
      }
      if (service.indexOf('#') > 0) {
        throw new SlackerException(StatusCode.NOT_FOUND, ServiceInstances.unknown(service));
      }
    }
    return server.registry().find(service, method);
  }

  private static Object[] decodeArguments(ServerMethod method, Serializer serializer, Frame frame, RequestHeader header) {
    try {
      return serializer.readValues(frame.bytes(), header.payloadStart(), frame.end(), method.descriptor().parameterTypes());
    } catch (SlackerException e) {
      throw new SlackerException(e.code(), method.descriptor() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SlackerException(StatusCode.BAD_REQUEST, method.descriptor() + ": arguments do not decode as "
          + serializer.name() + ": " + e.getMessage(), e);
    }
  }

  private Future<Object> invoke(ServerCallImpl call, Resolved resolved) {
    if (call.isCancelled()) {
      return Future.failedFuture(call.cancellation());
    }
    if (resolved.method.descriptor().blocking()) {
      return server.blockingExecutor().submit(call, resolved.method.handler(), resolved.args);
    }
    return CurrentServerCall.invoke(call, resolved.method.handler(), resolved.args);
  }

  private void onComplete(ServerCallImpl call, Serializer serializer, AsyncResult<Object> result) {
    if (result.failed()) {
      FatalErrors.check(result.cause());
    }
    if (!calls.remove(call.callId(), call)) {
      // Already answered with a deadline error, or cancelled: the caller wants nothing more.
      return;
    }
    ended(call);
    SlackerException failure = result.succeeded() ? null : reportable(call, result.cause());
    Buffer answer = null;
    if (call.oneWay()) {
      if (result.failed() && !AccessControl.isRefusal(result.cause())) {
        // Per call, so not above DEBUG: a flood of failing one-way calls shows in the server's meters instead.
        LOG.debug("One-way call {} (call {}) from {} failed", call.descriptor(), Integer.toUnsignedString(call.callId()),
            socket.remoteAddress(), result.cause());
      }
    } else if (result.succeeded()) {
      answer = answer(call, serializer, result.result());
    } else {
      answer = FrameEncoder.error(call.callId(), wireFailure(failure), peerReadsExtendedErrors);
    }
    if (server.metrics() != null) {
      StatusCode code = failure == null ? null : failure.code();
      if (code == StatusCode.OVERLOADED) {
        server.metrics().overloaded();
      }
      measured(call, code, answer == null ? 0 : answer.length());
    }
    if (answer != null) {
      write(answer);
    }
    // After the answer: a tracer reads the failure too, and one that cannot be read must not cost the caller its answer.
    try {
      call.endSpan(result.cause());
    } catch (RuntimeException e) {
      LOG.warn("The span of {} (call {}) could not be ended", call.descriptor(), Integer.toUnsignedString(call.callId()), e);
    }
    closeIfDrained();
  }

  /**
   * The method's failures are already application failures; an interceptor's keep their code,
   * except UNAVAILABLE, which on the wire promises that the server did not run the call. A client
   * that does not read extended errors gets the application's newer codes as APPLICATION_ERROR.
   */
  private SlackerException wireFailure(SlackerException failure) {
    if (failure.code() == StatusCode.UNAVAILABLE) {
      return MethodFailures.relayed(failure);
    }
    if (!peerReadsExtendedErrors && failure.code().isApplicationCode() && failure.code() != StatusCode.APPLICATION_ERROR) {
      return new SlackerException(StatusCode.APPLICATION_ERROR, failure.code() + ": " + failure.getMessage(),
          failure.remoteClass(), null);
    }
    return failure;
  }

  /**
   * The method's failure as the caller will be told it. An exception can break while it is read
   * (a getMessage() that throws, a class missing): the caller is owed an answer all the same.
   */
  private SlackerException reportable(ServerCallImpl call, Throwable cause) {
    try {
      return SlackerException.from(cause);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("The failure of {} (call {}) from {} cannot be read", call.descriptor(),
          Integer.toUnsignedString(call.callId()), socket.remoteAddress(), e);
      return new SlackerException(StatusCode.INTERNAL, call.descriptor() + " failed, and its failure ("
          + cause.getClass().getName() + ") cannot be read: " + e);
    }
  }

  /** The result's frame; a returned service is kept for the caller, and its instance name is the answer. */
  private Buffer answer(ServerCallImpl call, Serializer serializer, Object value) {
    if (!call.descriptor().returnsService() || value == null) {
      return encodeResponse(call, serializer, value, call.descriptor().returnType());
    }
    try {
      return encodeResponse(call, serializer, instances.export(call.descriptor(), value), INSTANCE_NAME);
    } catch (SlackerException e) {
      return FrameEncoder.error(call.callId(), e.code(), e.getMessage(), null);
    }
  }

  private Buffer encodeResponse(ServerCallImpl call, Serializer serializer, Object value, JavaType type) {
    try {
      Buffer response = FrameEncoder.response(call.callId(), serializer.id(), out -> serializer.writeValue(out, value, type));
      long size = response.length() - Protocol.LENGTH_FIELD_SIZE;
      if (size > peerMaxFrameSize) {
        // Sending it would make the client drop the connection and every call on it.
        return FrameEncoder.error(call.callId(), StatusCode.INTERNAL, "the result of " + call.descriptor() + " is "
            + size + " bytes, over the client's maximum frame size of " + peerMaxFrameSize, null);
      }
      return response;
    } catch (IOException | RuntimeException e) {
      return FrameEncoder.error(call.callId(), StatusCode.INTERNAL,
          "the result of " + call.descriptor() + " cannot be serialized as " + serializer.name() + ": " + e.getMessage(), null);
    }
  }

  /** The call's deadline passed before it ended. */
  void onDeadline(ServerCallImpl call) {
    if (!calls.remove(call.callId(), call)) {
      return;
    }
    ended(call);
    SlackerException reason = new SlackerException(StatusCode.DEADLINE_EXCEEDED,
        call.descriptor() + " did not finish within its deadline of " + call.timeoutMillis() + " ms");
    if (server.metrics() != null) {
      server.metrics().deadlineExceeded(call.descriptor().serviceName(), call.descriptor().methodName());
      measured(call, StatusCode.DEADLINE_EXCEEDED, 0);
    }
    call.cancel(reason);
    if (!call.oneWay()) {
      write(FrameEncoder.error(call.callId(), reason.code(), reason.getMessage(), null));
    }
    closeIfDrained();
  }

  private void onCancel(int callId) {
    cancelledAhead.remove(callId);
    ServerCallImpl call = calls.remove(callId);
    if (call != null) {
      ended(call);
      if (server.metrics() != null) {
        server.metrics().cancelled(call.descriptor().serviceName(), call.descriptor().methodName());
        measured(call, StatusCode.CANCELLED, 0);
      }
      call.cancel(new SlackerException(StatusCode.CANCELLED, "cancelled by the caller"));
      closeIfDrained();
    }
  }

  private void onProtocolError(SlackerException error) {
    if (closed) {
      return;
    }
    // The error is the last frame out, and no frame read after the broken one runs.
    closed = true;
    decoder.close();
    LOG.debug("protocol error from " + socket.remoteAddress() + ": " + error.getMessage());
    socket.end(FrameEncoder.error(0, error.code(), error.getMessage(), null));
  }

  /** @return the client on this connection as describe shows it; from any thread */
  ClientDescription describe() {
    return new ClientDescription()
        .setRemoteAddress(ServerAddresses.format(socket.remoteAddress()))
        .setName(clientName)
        .setVersion(clientVersion)
        .setConnectedSince(connectedSince)
        .setInFlight(inFlight)
        .setServed(served);
  }

  private void onClosed() {
    closed = true;
    server.connections().closed(this);
    // Frames still waiting in the decoder belong to a client that is gone: run none of them.
    decoder.close();
    timeouts.stop();
    instances.closeAll();
    memory.release(frameCharge);
    frameCharge = 0;
    server.vertx().cancelTimer(lingerTimer);
    server.vertx().cancelTimer(halfCloseTimer);
    SlackerException reason = new SlackerException(StatusCode.CANCELLED, "the connection closed");
    LOG.debug("Connection from {} closed, {} calls cancelled", socket.remoteAddress(), calls.size());
    List<ServerCallImpl> open = new ArrayList<>(calls.values());
    calls.clear();
    for (ServerCallImpl call : open) {
      ended(call);
      if (server.metrics() != null) {
        measured(call, StatusCode.CANCELLED, 0);
      }
      call.cancel(reason);
    }
    if (server.metrics() != null) {
      server.metrics().connectionClosed();
    }
  }

  /** A call that started has ended, answered or not. */
  private void measured(ServerCallImpl call, StatusCode code, int responseBytes) {
    server.metrics().callEnded(call.descriptor().serviceName(), call.descriptor().methodName(), code,
        System.nanoTime() - call.startNanos, call.requestBytes, responseBytes);
  }

  /** A call left {@link #calls}: its deadline and the memory charged for it go. */
  private void ended(ServerCallImpl call) {
    inFlight = calls.size();
    served++;
    deadlines.remove(call);
    memory.release(call.memoryCharge);
    call.memoryCharge = 0;
    timeouts.active();
  }

  /**
   * Graceful stop: tell the client to send no new calls, and answer the requests it sent before it
   * saw that with UNAVAILABLE ("not run"). The connection closes when the client closes it, or once
   * the linger is over and the calls in flight are done.
   */
  void drain() {
    drain("server is shutting down");
  }

  private void drain(String why) {
    if (draining || closed) {
      return;
    }
    draining = true;
    drainReason = why;
    write(FrameEncoder.goaway(StatusCode.UNAVAILABLE, why));
    lingerTimer = context.setTimer(server.options().getGoawayLingerMillis(), t -> {
      lingerOver = true;
      closeIfDrained();
    });
  }

  /**
   * The client sent its FIN: it sends nothing more but may still read. Its calls in flight, and
   * the requests already received, are answered; the connection closes when they are, or when the
   * half-close timeout is over.
   */
  private void onInputShutdown() {
    if (closed || inputEnded) {
      return;
    }
    inputEnded = true;
    halfCloseTimer = context.setTimer(Math.max(1, server.options().getHalfCloseTimeoutMillis()), t -> socket.close());
    closeIfDrained();
  }

  private void closeIfDrained() {
    if (closed || !calls.isEmpty()) {
      return;
    }
    if (lingerOver) {
      socket.close();
    } else if (inputEnded && !writeBlocked && !inputBacklogged) {
      // One turn later: input Vert.x still held for a paused socket is handed over first.
      context.runOnContext(v -> {
        if (!closed && calls.isEmpty() && !writeBlocked && !inputBacklogged) {
          socket.close();
        }
      });
    }
  }

  private void write(Buffer frame) {
    if (closed) {
      return;
    }
    // Held until written: a client that reads slowly makes the server refuse its new requests.
    int size = frame.length();
    memory.force(size);
    socket.write(frame).onComplete(written -> memory.release(size));
    if (!writeBlocked && socket.writeQueueFull()) {
      // Pause the decoder too: one read can hold thousands of requests.
      writeBlocked = true;
      decoder.pause();
      updateReading();
    }
  }

  /** Reads from the socket only while responses can be written and no requests wait for a turn. */
  private void updateReading() {
    if (writeBlocked || inputBacklogged) {
      socket.pause();
    } else {
      socket.resume();
      timeouts.checkFrame();
      closeIfDrained();
    }
  }
}
