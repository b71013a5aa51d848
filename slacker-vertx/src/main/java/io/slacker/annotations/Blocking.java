package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method on the server's worker pool instead of the event loop, for implementations that
 * block (JDBC, file I/O, heavy computation). Put on the interface, it applies to every method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Blocking {
}
