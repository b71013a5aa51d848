package io.slacker.impl.client;

import com.fasterxml.jackson.databind.JavaType;
import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.TokenProvider;
import io.slacker.cluster.GroupResult;
import io.slacker.cluster.Grouping;
import io.slacker.cluster.ServerInstance;
import io.slacker.spi.ClientInterceptor;
import io.vertx.core.Future;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client that stands behind one generated proxy and takes only the calls that proxy makes,
 * {@link SlackerClient#call(io.slacker.MethodDescriptor, Object[], CallOptions)}; everything else
 * is refused, saying why.
 */
abstract class ProxyOnlyClient implements SlackerClient {

  /** @return what this client is for, as the refusal of anything else says it */
  abstract String purpose();

  private UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(purpose());
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
  public <T> Future<GroupResult<T>> group(io.slacker.MethodDescriptor method, Object[] args, Grouping grouping,
                                          CallOptions options) {
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
  public Future<Void> updateSSLOptions(ClientSSLOptions options) {
    throw unsupported();
  }

  @Override
  public Future<Void> close() {
    throw unsupported();
  }
}
