package io.slacker.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stateful service whose calls all go to one elected leader: every server that
 * registers it stands for election, and a cluster client sends its calls to the leader unless a
 * call names another grouping. It replaces listing the service in
 * {@code ClusterServerOptions.addLeaderService} and {@code Grouping.leader()} on every call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LeaderRouted {
}
