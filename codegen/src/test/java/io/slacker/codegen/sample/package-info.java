/** Sample services compiled through the processor by this module's own test build. */
@ModuleGen(name = "slacker-sample", groupPackage = "io.slacker.codegen.sample")
package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.ModuleGen;
