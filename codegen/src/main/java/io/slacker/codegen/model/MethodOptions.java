package io.slacker.codegen.model;

/**
 * The options a method declares with {@code @Timeout}, {@code @Idempotent} and {@code @Blocking},
 * and whether its service is {@code @LeaderRouted}.
 */
public record MethodOptions(long timeoutMillis, boolean idempotent, boolean blocking, boolean leaderRouted) {
}
