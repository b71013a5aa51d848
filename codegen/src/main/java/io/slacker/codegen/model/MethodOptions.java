package io.slacker.codegen.model;

import java.util.List;

/**
 * The options a method declares with {@code @Timeout}, {@code @Idempotent} and {@code @Blocking},
 * whether its service is {@code @LeaderRouted}, and the permissions and roles its callers need
 * ({@code @RequiresPermission}, {@code @RequiresRole} on the interface and on the method, together).
 */
public record MethodOptions(long timeoutMillis, boolean idempotent, boolean blocking, boolean leaderRouted,
                            List<String> permissions, List<String> roles) {
}
