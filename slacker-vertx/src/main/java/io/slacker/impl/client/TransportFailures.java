package io.slacker.impl.client;

import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.cluster.impl.AttemptFailures;

/** How this client's transport failures read for the router: the exception types say it. */
final class TransportFailures implements AttemptFailures {

  @Override
  public boolean neverRan(Throwable failure) {
    return failure instanceof NotSentException;
  }

  @Override
  public boolean unanswered(Throwable failure) {
    return failure instanceof NoAnswerException;
  }

  @Override
  public boolean unreachable(Throwable failure) {
    return failure instanceof ConnectionLostException
        || failure instanceof NotSentException notSent && notSent.serverUnreachable();
  }
}
