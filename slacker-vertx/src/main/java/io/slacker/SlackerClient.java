package io.slacker;

import com.fasterxml.jackson.databind.JavaType;
import io.slacker.impl.client.SlackerClientImpl;
import io.slacker.spi.ClientInterceptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * Calls Slacker services. One multiplexed connection per server address, opened on first use;
 * results complete on the caller's Vert.x context.
 */
public interface SlackerClient {

  static SlackerClient create(Vertx vertx) {
    return create(vertx, new SlackerClientOptions());
  }

  static SlackerClient create(Vertx vertx, SlackerClientOptions options) {
    return new SlackerClientImpl(vertx, new SlackerClientOptions(options));
  }

  /** Adds an interceptor; interceptors run in the order they were added. */
  SlackerClient addInterceptor(ClientInterceptor interceptor);

  /**
   * Calls a method by name, with no generated code: the generic path for tools and gateways.
   * The server picks the method of that name that takes {@code args.size()} arguments.
   */
  <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                     Class<T> resultType, CallOptions options);

  /** As {@link #call(SocketAddress, String, String, List, Class, CallOptions)}, for generic result types. */
  <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                     JavaType resultType, CallOptions options);

  /**
   * Calls a method by its descriptor: the path generated proxies take. The target is
   * {@link CallOptions#getServer()}.
   */
  <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options);

  /** @return the generated proxy of {@code serviceInterface}; each call's options start from {@code defaults} */
  <T> T proxy(Class<T> serviceInterface, CallOptions defaults);

  /** @return the generated proxy of {@code serviceInterface}, calling {@code server} */
  default <T> T proxy(Class<T> serviceInterface, SocketAddress server) {
    return proxy(serviceInterface, new CallOptions().setServer(server));
  }

  /** Closes every connection; pending calls fail with {@code UNAVAILABLE}. */
  Future<Void> close();
}
