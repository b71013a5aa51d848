package io.slacker.chaos;

/** One invariant's result: whether it held, and the figures behind it. */
record Verdict(String invariant, boolean holds, String detail) {
}
