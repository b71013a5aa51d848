package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * The timeout of a service method, or of every method of a service when put on the interface.
 * It replaces the client's default timeout for calls of that method, and travels to the server
 * as the call's deadline; a timeout set in the call options (or a proxy's default options)
 * takes precedence over it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {

  /** @return the timeout, greater than zero */
  long value();

  TimeUnit unit() default TimeUnit.MILLISECONDS;
}
