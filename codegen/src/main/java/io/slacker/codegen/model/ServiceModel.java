package io.slacker.codegen.model;

import io.slacker.annotations.SlackerService;
import io.vertx.codegen.processor.Model;
import io.vertx.codegen.processor.ModuleInfo;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.util.List;

/**
 * A service interface ({@code @SlackerService} or {@code @ProxyGen}) as the Slacker generators see
 * it, or a top-level type holding a nested service, which is only there to be reported. {@link #process()} checks it and reports every problem at its method; a model with problems
 * generates nothing, so the build fails with those messages only.
 */
public final class ServiceModel implements Model {

  public static final String KIND = "slacker-service";

  private final ProcessingEnvironment env;
  private final TypeElement element;
  private String serviceName;
  private List<ServiceMethod> methods = List.of();
  private List<ExecutableElement> ignoredMethods = List.of();
  private List<ServiceMethod> closeMethods = List.of();
  private List<SkippedMethod> skippedMethods = List.of();
  private boolean valid;

  public ServiceModel(ProcessingEnvironment env, TypeElement element) {
    this.env = env;
    this.element = element;
  }

  @Override
  public boolean process() {
    ServiceAnalyzer analyzer = new ServiceAnalyzer(env, element);
    analyzer.analyze();
    serviceName = analyzer.serviceName();
    methods = analyzer.methods();
    ignoredMethods = analyzer.ignoredMethods();
    closeMethods = analyzer.closeMethods();
    skippedMethods = analyzer.skippedMethods();
    skippedMethods.forEach(skipped -> env.getMessager().printMessage(Diagnostic.Kind.WARNING, skipped.reason()
        + ". Slacker leaves this method of a @ProxyGen interface out of its proxy and invoker, where a call to it"
        + " fails; the event-bus generator's code for it is left as it is", skipped.element()));
    analyzer.problems().forEach(problem ->
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, problem.message(), problem.element()));
    valid = analyzer.problems().isEmpty();
    return valid;
  }

  /**
   * @return whether the interface is vertx-service-proxy's ({@code @ProxyGen} without
   *     {@code @SlackerService}): its proxy keeps that library's failure contract
   */
  public boolean isProxyGen() {
    return element.getAnnotation(SlackerService.class) == null;
  }

  /** @return whether the interface passed every check; only then is code generated */
  public boolean isValid() {
    return valid;
  }

  public String serviceName() {
    return serviceName;
  }

  /** @return the remote methods, in declaration order (own methods first, then inherited ones) */
  public List<ServiceMethod> methods() {
    return methods;
  }

  /**
   * @return abstract methods marked {@code @ProxyIgnore}: not served; the proxy does nothing for
   *     a {@code void} one, as event-bus proxies do, and throws for others
   */
  public List<ExecutableElement> ignoredMethods() {
    return ignoredMethods;
  }

  /**
   * @return {@code @ProxyClose} methods, and {@code close()} of an {@code AutoCloseable} service:
   *     local to the proxy, never sent, never served
   */
  /** @return the methods of a {@code @ProxyGen} interface that Slacker cannot carry, left out with a warning */
  public List<SkippedMethod> skippedMethods() {
    return skippedMethods;
  }

  public List<ServiceMethod> closeMethods() {
    return closeMethods;
  }

  public String packageName() {
    return env.getElementUtils().getPackageOf(element).getQualifiedName().toString();
  }

  public String simpleName() {
    return element.getSimpleName().toString();
  }

  @Override
  public String getKind() {
    return KIND;
  }

  @Override
  public TypeElement getElement() {
    return element;
  }

  @Override
  public String getFqn() {
    return element.getQualifiedName().toString();
  }

  @Override
  public ModuleInfo getModule() {
    return ModuleInfo.resolve(env.getElementUtils(), env.getElementUtils().getPackageOf(element));
  }
}
