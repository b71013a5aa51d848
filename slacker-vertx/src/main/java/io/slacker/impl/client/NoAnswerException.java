package io.slacker.impl.client;

import io.slacker.SlackerException;
import io.slacker.StatusCode;

/**
 * {@code DEADLINE_EXCEEDED} for a call whose server sent no answer at all within its timeout, as
 * opposed to a server that answered DEADLINE_EXCEEDED itself: several in a row mark the server as
 * up but not answering (paused, stalled), and take it out of rotation.
 */
final class NoAnswerException extends SlackerException {

  NoAnswerException(String message) {
    super(StatusCode.DEADLINE_EXCEEDED, message);
  }
}
