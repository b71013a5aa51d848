package io.slacker.impl.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.CallMetadata;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.SlackerClient;
import io.slacker.SlackerClientOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.impl.InterceptorChains;
import io.slacker.impl.codegen.ServiceBindings;
import io.slacker.impl.serialization.Serializers;
import io.slacker.spi.ClientInterceptor;
import io.slacker.spi.Serializer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class SlackerClientImpl implements SlackerClient {

  private final VertxInternal vertx;
  private final SlackerClientOptions options;
  private final Serializer defaultSerializer;
  private final NetClient netClient;
  private final Map<SocketAddress, ServerEndpoint> endpoints = new ConcurrentHashMap<>();
  private final List<ClientInterceptor> interceptors = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public SlackerClientImpl(io.vertx.core.Vertx vertx, SlackerClientOptions options) {
    this.vertx = (VertxInternal) vertx;
    this.options = options;
    this.defaultSerializer = Serializers.get().byName(options.getSerialization());
    this.netClient = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getConnectTimeoutMillis()))
        .setTcpNoDelay(true));
  }

  @Override
  public SlackerClient addInterceptor(ClientInterceptor interceptor) {
    interceptors.add(interceptor);
    return this;
  }

  @Override
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                            Class<T> resultType, CallOptions options) {
    return call(server, service, method, args, TypeFactory.defaultInstance().constructType(resultType), options);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args,
                            JavaType resultType, CallOptions options) {
    CallOptions effective = options == null ? new CallOptions() : options;
    return (Future<T>) start(service, method, null, args.toArray(), resultType,
        server != null ? server : effective.getServer(), effective);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options) {
    CallOptions effective = options == null ? new CallOptions() : options;
    return (Future<T>) start(method.serviceName(), method.methodName(), method, args, method.returnType(),
        effective.getServer(), effective);
  }

  @Override
  public <T> T proxy(Class<T> serviceInterface, CallOptions defaults) {
    return ServiceBindings.of(serviceInterface).createProxy(this, new CallOptions(defaults));
  }

  private Future<Object> start(String service, String method, MethodDescriptor descriptor, Object[] args,
                               JavaType resultType, SocketAddress server, CallOptions callOptions) {
    ContextInternal caller = vertx.getOrCreateContext();
    if (server == null) {
      return caller.failedFuture(new SlackerException(StatusCode.UNAVAILABLE,
          "no server to call " + service + "#" + method + ": set CallOptions.setServer(...)"));
    }
    Serializer serializer;
    try {
      serializer = callOptions.getSerialization() == null ? defaultSerializer : Serializers.get().byName(callOptions.getSerialization());
    } catch (IllegalArgumentException e) {
      return caller.failedFuture(new SlackerException(StatusCode.BAD_REQUEST, e.getMessage()));
    }
    ClientCallImpl call = new ClientCallImpl(service, method, descriptor, args, new CallMetadata(callOptions.getMetadata()),
        server, timeoutOf(callOptions, descriptor), serializer, resultType);
    if (interceptors.isEmpty()) {
      return send(caller, call);
    }
    return InterceptorChains.run(interceptors, (interceptor, next) -> interceptor.intercept(call, next),
        () -> send(caller, call));
  }

  private long timeoutOf(CallOptions callOptions, MethodDescriptor descriptor) {
    if (callOptions.getTimeoutMillis() > 0) {
      return callOptions.getTimeoutMillis();
    }
    if (descriptor != null && descriptor.timeoutMillis() > 0) {
      return descriptor.timeoutMillis();
    }
    return options.getCallTimeoutMillis();
  }

  private Future<Object> send(ContextInternal caller, ClientCallImpl call) {
    Promise<Object> promise = caller.promise();
    if (closed) {
      promise.fail(new SlackerException(StatusCode.UNAVAILABLE, "the client is closed"));
      return promise.future();
    }
    try {
      endpoints.computeIfAbsent(call.server(), address -> new ServerEndpoint(this, address, options))
          .connection()
          .send(call, promise);
    } catch (SlackerException e) {
      promise.fail(e);
    }
    return promise.future();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    for (ServerEndpoint endpoint : new ArrayList<>(endpoints.values())) {
      endpoint.close();
    }
    endpoints.clear();
    return netClient.close();
  }

  VertxInternal vertx() {
    return vertx;
  }

  NetClient netClient() {
    return netClient;
  }
}
