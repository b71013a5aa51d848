package io.slacker.codegen.model;

import javax.lang.model.element.ExecutableElement;

/**
 * A method of a {@code @ProxyGen} interface that Slacker cannot carry: left out of Slacker's proxy
 * and invoker with a warning, while vertx-service-proxy's event-bus code still serves it.
 *
 * @param reason why, as the build error of a {@code @SlackerService} interface would say it
 */
public record SkippedMethod(ExecutableElement element, String reason) {
}
