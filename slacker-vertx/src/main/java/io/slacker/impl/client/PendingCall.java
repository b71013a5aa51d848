package io.slacker.impl.client;

import io.vertx.core.Promise;

/** A call written to a connection and waiting for its answer. */
final class PendingCall {

  final int callId;
  final ClientCallImpl call;
  final Promise<Object> promise;
  long timeoutTimer = -1;

  PendingCall(int callId, ClientCallImpl call, Promise<Object> promise) {
    this.callId = callId;
    this.call = call;
    this.promise = promise;
  }
}
