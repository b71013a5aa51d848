package io.slacker.codegen;

import java.util.Arrays;
import java.util.Objects;

/** Assertions for the checks compiled with a test's sources, which run inside a future's chain. */
public final class Expect {

  private Expect() {
  }

  /** @return {@code actual}, when it equals {@code expected} (arrays by content) */
  public static <T> T equal(Object expected, T actual) {
    if (!Objects.deepEquals(expected, actual)) {
      throw new AssertionError("expected " + text(expected) + " but was " + text(actual));
    }
    return actual;
  }

  private static String text(Object value) {
    return value instanceof Object[] array ? Arrays.deepToString(array) : Arrays.deepToString(new Object[] {value});
  }
}
