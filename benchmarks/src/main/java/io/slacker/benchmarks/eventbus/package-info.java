/**
 * The vertx-service-proxy peer. The module declaration lets vertx-codegen generate the
 * event-bus proxy and handler of {@link io.slacker.benchmarks.eventbus.EventBusUserService}.
 */
@ModuleGen(name = "slacker-benchmarks-eventbus", groupPackage = "io.slacker.benchmarks.eventbus")
package io.slacker.benchmarks.eventbus;

import io.vertx.codegen.annotations.ModuleGen;
