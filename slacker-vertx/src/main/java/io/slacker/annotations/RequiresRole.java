package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the roles a caller needs, all of them, checked by the server with vert.x's
 * {@code RoleBasedAuthorization} before the method runs; as {@link RequiresPermission}, on the
 * interface it applies to every method and a method's own adds to it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {

  String[] value();
}
