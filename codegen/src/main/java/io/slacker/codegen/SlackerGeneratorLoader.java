package io.slacker.codegen;

import io.vertx.codegen.processor.Generator;
import io.vertx.codegen.processor.GeneratorLoader;

import javax.annotation.processing.ProcessingEnvironment;
import java.util.stream.Stream;

/** Registers Slacker's generators with the vertx-codegen processor (see META-INF/services). */
public final class SlackerGeneratorLoader implements GeneratorLoader {

  @Override
  public Stream<Generator<?>> loadGenerators(ProcessingEnvironment env) {
    return Stream.of(new BindingGenerator(), new ProxyGenerator(), new InvokerGenerator(), new IndexGenerator());
  }
}
