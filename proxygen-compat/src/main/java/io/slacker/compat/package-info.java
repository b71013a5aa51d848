/** {@code @ProxyGen} services of every kind vertx-service-proxy supports, generated for the event bus and for Slacker. */
@ModuleGen(name = "slacker-compat", groupPackage = "io.slacker.compat")
package io.slacker.compat;

import io.vertx.codegen.annotations.ModuleGen;
