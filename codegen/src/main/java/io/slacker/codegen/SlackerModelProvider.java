package io.slacker.codegen;

import io.slacker.annotations.SlackerService;
import io.slacker.codegen.model.ServiceModel;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.processor.Model;
import io.vertx.codegen.processor.ModelProvider;
import io.vertx.codegen.processor.type.TypeMirrorFactory;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Gives the vertx-codegen processor a {@link ServiceModel} for every {@code @SlackerService}
 * interface, and for every {@code @ProxyGen} interface so that event-bus services work over
 * Slacker unchanged.
 */
public final class SlackerModelProvider implements ModelProvider {

  @Override
  public Model getModel(ProcessingEnvironment env, TypeMirrorFactory typeFactory, TypeElement element) {
    boolean service = element.getAnnotation(SlackerService.class) != null || element.getAnnotation(ProxyGen.class) != null;
    // The processor only hands over top-level types: a nested service gets a model of its outer type, to report it.
    return service || hasNestedService(element) ? new ServiceModel(env, element) : null;
  }

  private static boolean hasNestedService(TypeElement element) {
    for (TypeElement nested : ElementFilter.typesIn(element.getEnclosedElements())) {
      if (nested.getAnnotation(SlackerService.class) != null || hasNestedService(nested)) {
        return true;
      }
    }
    return false;
  }
}
