/**
 * Slacker side by side with the RPC systems a Vert.x user would pick instead. The module
 * declaration lets vertx-codegen generate the event-bus proxy of the service-proxy peer.
 */
@ModuleGen(name = "slacker-benchmarks", groupPackage = "io.slacker.benchmarks")
package io.slacker.benchmarks;

import io.vertx.codegen.annotations.ModuleGen;
