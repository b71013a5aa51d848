package io.slacker.impl.codegen;

import io.slacker.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The conversions between vertx-service-proxy's {@code ServiceException} and Slacker's. Only
 * {@link ServiceProxyFailures} calls it, and only with vertx-service-proxy on the class path: the
 * JVM needs that library's classes to verify this one.
 */
final class ServiceProxyExceptions {

  private ServiceProxyExceptions() {
  }

  static ServiceException fromMethod(Throwable failure) {
    if (!(failure instanceof io.vertx.serviceproxy.ServiceException serviceException)) {
      return null;
    }
    JsonObject debugInfo = serviceException.getDebugInfo();
    return new ServiceException(serviceException.failureCode(), serviceException.getMessage(),
        serviceException.getClass().getName(), debugInfo == null || debugInfo.isEmpty() ? null : debugInfo);
  }

  static <T> Future<T> toServiceProxy(Throwable failure) {
    if (failure instanceof ServiceException slacker) {
      return Future.failedFuture(new io.vertx.serviceproxy.ServiceException(slacker.failureCode(), slacker.getMessage(),
          slacker.details() == null ? new JsonObject() : slacker.details()));
    }
    return Future.failedFuture(failure);
  }
}
