package io.slacker.impl.client;

import io.slacker.CallOptions;
import io.slacker.MethodDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Stands in for the client behind a generated proxy to learn which method, with which
 * arguments, a typed group call makes; that call is then sent to every server of the group.
 * It supports nothing else.
 */
final class CallRecorder extends ProxyOnlyClient {

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
  String purpose() {
    return "the proxy given to a group call only records its one method call";
  }
}
