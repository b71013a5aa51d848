package io.slacker.chaos;

/** The calls the load mixes, with their share of it. */
enum CallKind {
  ONE_IDEMPOTENT(35, true),
  ONE_PLAIN(15, false),
  ALL(10, true),
  LEADER_IDEMPOTENT(20, true),
  LEADER_PLAIN(20, false);

  final int weight;
  final boolean idempotent;

  CallKind(int weight, boolean idempotent) {
    this.weight = weight;
    this.idempotent = idempotent;
  }

  boolean leader() {
    return this == LEADER_IDEMPOTENT || this == LEADER_PLAIN;
  }
}
