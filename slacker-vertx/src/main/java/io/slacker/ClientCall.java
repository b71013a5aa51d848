package io.slacker;

import io.vertx.core.net.SocketAddress;

/** A call as a {@link io.slacker.spi.ClientInterceptor} sees it before it is sent. */
public interface ClientCall {

  String service();

  String method();

  /** @return the descriptor of a generated or descriptor-based call, {@code null} for a by-name call */
  MethodDescriptor descriptor();

  /** @return the arguments as given by the caller */
  Object[] arguments();

  /** @return the call's metadata; changes made before {@code proceed()} travel with the request */
  CallMetadata metadata();

  /** @return the server the call is about to go to */
  SocketAddress server();

  /** @return the timeout that travels to the server as the deadline */
  long timeoutMillis();
}
