package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a top-level interface as a Slacker service. At build time slacker-codegen generates its
 * client proxy, its server invoker and an entry in the module's service index, so that
 * {@code client.proxy(MyService.class, server)} and {@code server.register(MyService.class, impl)}
 * work without reflection.
 *
 * <p>Every method returns {@code io.vertx.core.Future<T>}, or {@code void} for a one-way call
 * that gets no response. Parameter and result types are anything Jackson encodes into a declared
 * type, plus {@code JsonObject}, {@code JsonArray}, {@code Buffer} and {@code @DataObject} types.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SlackerService {

  /**
   * @return the service name that requests carry and servers register under; empty (the default)
   *     means the interface's fully qualified name
   */
  String name() default "";
}
