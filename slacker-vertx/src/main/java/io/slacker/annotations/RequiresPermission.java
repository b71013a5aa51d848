package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permissions a caller needs, all of them, checked by the server with vert.x's
 * {@code PermissionBasedAuthorization} before the method runs; a caller without one is refused
 * {@code PERMISSION_DENIED}. On the interface it applies to every method, and a method's own
 * adds to it. It needs a server with authentication configured: without one every call runs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

  String[] value();
}
