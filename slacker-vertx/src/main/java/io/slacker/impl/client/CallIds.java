package io.slacker.impl.client;

import java.util.function.IntPredicate;

/**
 * The call ids of one connection: counting up from 1 and wrapping, skipping 0 (reserved for
 * connection-level frames) and any id still in use, so that a wrapped counter never reuses the id
 * of a call that is still pending. Used on the connection's event loop only.
 */
final class CallIds {

  private int last;

  CallIds() {
    this(0);
  }

  /** @param last the id counted from: the first id handed out is the one after it */
  CallIds(int last) {
    this.last = last;
  }

  int next(IntPredicate inUse) {
    int id;
    do {
      id = ++last;
    } while (id == 0 || inUse.test(id));
    return id;
  }
}
