package io.slacker.codegen;

import io.slacker.codegen.model.ServiceModel;
import io.vertx.codegen.processor.Generator;

import java.util.Map;
import java.util.Set;

/**
 * Generates the module's service index: {@code META-INF/services/io.slacker.spi.ServiceIndex},
 * one line per service binding, read by {@code java.util.ServiceLoader} at run time.
 */
final class IndexGenerator extends Generator<ServiceModel> {

  static final String INDEX_RESOURCE = "META-INF/services/io.slacker.spi.ServiceIndex";

  IndexGenerator() {
    this.name = "slacker-index";
    this.kinds = Set.of(ServiceModel.KIND);
    // All services of the compilation append to the one file.
    this.incremental = true;
  }

  @Override
  public String filename(ServiceModel model) {
    return model.isValid() ? INDEX_RESOURCE : null;
  }

  @Override
  public String render(ServiceModel model, int index, int size, Map<String, Object> session) {
    String pkg = model.packageName();
    return (pkg.isEmpty() ? "" : pkg + ".") + SlackerGenerator.bindingName(model) + "\n";
  }
}
