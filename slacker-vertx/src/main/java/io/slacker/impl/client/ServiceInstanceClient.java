package io.slacker.impl.client;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.SlackerClient;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands behind the proxy of a service instance (docs/protocol.md §12): each of the proxy's calls
 * goes to the instance, by its name, on the server whose call returned it.
 */
public final class ServiceInstanceClient extends ProxyOnlyClient {

  private final SlackerClientImpl client;
  private final SocketAddress server;
  private final boolean tls;
  private final String name;
  /** The proxy's descriptors name the interface's service; the instance's name that service's calls. */
  private final Map<MethodDescriptor, MethodDescriptor> onInstance = new ConcurrentHashMap<>();

  ServiceInstanceClient(SlackerClientImpl client, SocketAddress server, boolean tls, String name) {
    this.client = client;
    this.server = server;
    this.tls = tls;
    this.name = name;
  }

  /**
   * What a generated proxy's {@code @ProxyClose} method does besides closing the proxy: on the
   * proxy of a service instance, it calls the instance's close method, which releases the
   * instance on the server; the proxy of a shared service sends nothing, as the implementation
   * belongs to every caller.
   */
  public static Future<Void> close(SlackerClient client, MethodDescriptor close, CallOptions defaults) {
    if (client instanceof ServiceInstanceClient instance) {
      return instance.<Object>call(close, new Object[0], defaults).mapEmpty();
    }
    return Future.succeededFuture();
  }

  @Override
  public <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options) {
    return client.callInstance(method, onInstance.computeIfAbsent(method, m -> m.forService(name)), args, options, server, tls);
  }

  @Override
  String purpose() {
    return "the proxy of service instance '" + name + "' only makes calls to that instance";
  }
}
