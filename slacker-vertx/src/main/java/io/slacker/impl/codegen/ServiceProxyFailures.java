package io.slacker.impl.codegen;

import io.slacker.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * vertx-service-proxy's failure contract over Slacker, for {@code @ProxyGen} services: a method
 * that fails with its {@code io.vertx.serviceproxy.ServiceException} reaches the caller as one,
 * with the same failure code, message and debug info. On the wire it travels as Slacker's own
 * {@link ServiceException}: failure code and JSON details (docs/protocol.md §5). Without
 * vertx-service-proxy on the class path there is nothing to convert, and nothing is.
 */
public final class ServiceProxyFailures {

  private static final boolean PRESENT = present();

  private ServiceProxyFailures() {
  }

  private static boolean present() {
    try {
      Class.forName("io.vertx.serviceproxy.ServiceException", false, ServiceProxyFailures.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** @return {@code failure} as Slacker's {@link ServiceException} when it is vertx-service-proxy's, else {@code null} */
  public static ServiceException fromMethod(Throwable failure) {
    if (!PRESENT || !(failure instanceof io.vertx.serviceproxy.ServiceException serviceException)) {
      return null;
    }
    JsonObject debugInfo = serviceException.getDebugInfo();
    return new ServiceException(serviceException.failureCode(), serviceException.getMessage(),
        serviceException.getClass().getName(), debugInfo == null || debugInfo.isEmpty() ? null : debugInfo);
  }

  /**
   * Used by the proxies generated for {@code @ProxyGen} interfaces.
   *
   * @return {@code call}, whose {@link ServiceException} failure becomes vertx-service-proxy's
   */
  public static <T> Future<T> forProxyGen(Future<T> call) {
    if (!PRESENT) {
      return call;
    }
    return call.recover(failure -> Future.failedFuture(failure instanceof ServiceException slacker
        ? new io.vertx.serviceproxy.ServiceException(slacker.failureCode(), slacker.getMessage(),
            slacker.details() == null ? new JsonObject() : slacker.details())
        : failure));
  }
}
