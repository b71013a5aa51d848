package io.slacker.codegen;

import io.slacker.annotations.SlackerService;
import io.slacker.codegen.model.ServiceModel;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.processor.Model;
import io.vertx.codegen.processor.ModelProvider;
import io.vertx.codegen.processor.type.TypeMirrorFactory;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Gives the vertx-codegen processor a {@link ServiceModel} for every {@code @SlackerService}
 * interface, and for every {@code @ProxyGen} interface so that event-bus services work over
 * Slacker unchanged.
 */
public final class SlackerModelProvider implements ModelProvider {

  @Override
  public Model getModel(ProcessingEnvironment env, TypeMirrorFactory typeFactory, TypeElement element) {
    if (element.getAnnotation(SlackerService.class) != null || element.getAnnotation(ProxyGen.class) != null) {
      return new ServiceModel(env, element);
    }
    return null;
  }
}
