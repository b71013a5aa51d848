package io.slacker.codegen.model;

/** The options a method declares with {@code @Timeout}, {@code @Idempotent} and {@code @Blocking}. */
public record MethodOptions(long timeoutMillis, boolean idempotent, boolean blocking) {
}
