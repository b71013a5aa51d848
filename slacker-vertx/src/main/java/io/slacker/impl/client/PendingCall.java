package io.slacker.impl.client;

import io.slacker.impl.Deadlines;
import io.vertx.core.Promise;

/** A call written to a connection and waiting for its answer until its deadline. */
final class PendingCall extends Deadlines.Entry {

  final int callId;
  final ClientCallImpl call;
  final Promise<Object> promise;
  private final ClientConnection connection;

  PendingCall(ClientConnection connection, int callId, ClientCallImpl call, Promise<Object> promise) {
    this.connection = connection;
    this.callId = callId;
    this.call = call;
    this.promise = promise;
  }

  @Override
  protected void expire() {
    connection.onTimeout(this);
  }
}
