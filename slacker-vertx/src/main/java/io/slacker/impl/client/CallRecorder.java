package io.slacker.impl.client;

import com.fasterxml.jackson.databind.JavaType;
import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.slacker.SlackerClient;
import io.slacker.TokenProvider;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerInstance;
import io.slacker.spi.ClientInterceptor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Stands in for the client behind a generated proxy to learn which method, with which
 * arguments, a typed group call makes; that call is then sent to every server of the group.
 * It supports nothing else.
 */
final class CallRecorder implements SlackerClient {

  record Recorded(MethodDescriptor method, Object[] args, CallOptions options) {
  }

  private Recorded recorded;

  Recorded recorded() {
    return recorded;
  }

  @Override
  public <T> Future<T> call(MethodDescriptor method, Object[] args, CallOptions options) {
    if (recorded != null) {
      throw new IllegalStateException("a group call makes exactly one call on the proxy; it made "
          + recorded.method() + " and then " + method);
    }
    recorded = new Recorded(method, args, options);
    return Promise.<T>promise().future();
  }

  @Override
  public SlackerClient tokenProvider(TokenProvider provider) {
    throw unsupported();
  }

  @Override
  public SlackerClient addInterceptor(ClientInterceptor interceptor) {
    throw unsupported();
  }

  @Override
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args, Class<T> resultType,
                            CallOptions options) {
    throw unsupported();
  }

  @Override
  public <T> Future<T> call(SocketAddress server, String service, String method, List<?> args, JavaType resultType,
                            CallOptions options) {
    throw unsupported();
  }

  @Override
  public <T> T proxy(Class<T> serviceInterface, CallOptions defaults) {
    throw unsupported();
  }

  @Override
  public <T> T withOptions(T proxy, Consumer<CallOptions> change) {
    throw unsupported();
  }

  @Override
  public <S, T> Future<GroupResult<T>> group(Class<S> serviceInterface, Grouping grouping, Function<S, Future<T>> call) {
    throw unsupported();
  }

  @Override
  public <T> Future<GroupResult<T>> group(MethodDescriptor method, Object[] args, Grouping grouping, CallOptions options) {
    throw unsupported();
  }

  @Override
  public Future<SocketAddress> leader(String service) {
    throw unsupported();
  }

  @Override
  public Future<List<ServerInstance>> servers(String service) {
    throw unsupported();
  }

  @Override
  public Future<Void> updateSSLOptions(io.vertx.core.net.ClientSSLOptions options) {
    throw unsupported();
  }

  @Override
  public Future<Void> close() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("the proxy given to a group call only records its one method call");
  }
}
