package io.slacker.impl.client;

import com.fasterxml.jackson.databind.JavaType;
import io.slacker.CallMetadata;
import io.slacker.ClientCall;
import io.slacker.MethodDescriptor;
import io.slacker.spi.Serializer;
import io.vertx.core.net.SocketAddress;

/** One outgoing call: what interceptors see, plus what the connection needs to send it. */
final class ClientCallImpl implements ClientCall {

  private final String service;
  private final String method;
  private final MethodDescriptor descriptor;
  private final Object[] arguments;
  private final CallMetadata metadata;
  private final SocketAddress server;
  private final long timeoutMillis;
  private final Serializer serializer;
  private final JavaType resultType;
  private final boolean toLeader;
  private final String leaderIncarnation;
  /** The caller's current token, or {@code null} without a token provider; set before it is sent. */
  private volatile String token;
  /** Sizes of the request and response frames, for metrics; written on the connection's context, read after the call ends. */
  private volatile int requestBytes;
  private volatile int responseBytes;

  ClientCallImpl(String service, String method, MethodDescriptor descriptor, Object[] arguments, CallMetadata metadata,
                 SocketAddress server, long timeoutMillis, Serializer serializer, JavaType resultType, boolean toLeader,
                 String leaderIncarnation) {
    this.toLeader = toLeader;
    this.leaderIncarnation = leaderIncarnation;
    this.service = service;
    this.method = method;
    this.descriptor = descriptor;
    this.arguments = arguments;
    this.metadata = metadata;
    this.server = server;
    this.timeoutMillis = timeoutMillis;
    this.serializer = serializer;
    this.resultType = resultType;
  }

  int requestBytes() {
    return requestBytes;
  }

  void requestBytes(int bytes) {
    requestBytes = bytes;
  }

  int responseBytes() {
    return responseBytes;
  }

  void responseBytes(int bytes) {
    responseBytes = bytes;
  }

  /** @return whether the call was routed to the service's leader, so that only a leader may run it */
  boolean toLeader() {
    return toLeader;
  }

  /** @return the incarnation discovery names as the leader at the call's server, or {@code null} */
  String leaderIncarnation() {
    return leaderIncarnation;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public MethodDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public Object[] arguments() {
    return arguments;
  }

  @Override
  public CallMetadata metadata() {
    return metadata;
  }

  @Override
  public SocketAddress server() {
    return server;
  }

  @Override
  public long timeoutMillis() {
    return timeoutMillis;
  }

  boolean oneWay() {
    return descriptor != null && descriptor.oneWay();
  }

  String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  Serializer serializer() {
    return serializer;
  }

  JavaType resultType() {
    return resultType;
  }

  @Override
  public String toString() {
    return descriptor != null ? descriptor.toString() : service + "#" + method;
  }
}
