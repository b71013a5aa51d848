package io.slacker.impl.codegen;

import io.slacker.ServiceException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The conversions between vertx-service-proxy's {@code ServiceException} and Slacker's. Only
 * {@link ServiceProxyFailures} calls it, and only with vertx-service-proxy on the class path: the
 * JVM needs that library's classes to verify this one.
 *
 * <p>A subclass with fields of its own travels as vertx-service-proxy makes it travel on a
 * clustered event bus: encoded by the codec the application registered for its class
 * ({@code eventBus().registerDefaultCodec(...)}), here inside the failure's details, under
 * {@value #ENCODED}, and decoded by the codec of that name on the caller's Vert.x.
 */
final class ServiceProxyExceptions {

  /** The details' member that holds a subclass encoded by its event-bus codec: {@code {"codec": name, "bytes": base64}}. */
  static final String ENCODED = "slacker.eventBusCodec";

  private ServiceProxyExceptions() {
  }

  static ServiceException fromMethod(Throwable failure) {
    if (!(failure instanceof io.vertx.serviceproxy.ServiceException serviceException)) {
      return null;
    }
    JsonObject debugInfo = serviceException.getDebugInfo();
    JsonObject details = debugInfo == null || debugInfo.isEmpty() ? null : debugInfo;
    if (serviceException.getClass() != io.vertx.serviceproxy.ServiceException.class) {
      EventBusCodecs.Encoded encoded = EventBusCodecs.encode(vertx(), serviceException);
      if (encoded != null) {
        details = (details == null ? new JsonObject() : details.copy()).put(ENCODED,
            new JsonObject().put("codec", encoded.codec()).put("bytes", encoded.bytes().getBytes()));
      }
    }
    return new ServiceException(serviceException.failureCode(), serviceException.getMessage(),
        serviceException.getClass().getName(), details);
  }

  static <T> Future<T> toServiceProxy(Throwable failure) {
    if (!(failure instanceof ServiceException slacker)) {
      return Future.failedFuture(failure);
    }
    JsonObject debugInfo = slacker.details() == null ? new JsonObject() : slacker.details().copy();
    if (debugInfo.remove(ENCODED) instanceof JsonObject encoded) {
      io.vertx.serviceproxy.ServiceException rebuilt = decode(encoded);
      if (rebuilt != null) {
        return Future.failedFuture(rebuilt);
      }
    }
    return Future.failedFuture(new io.vertx.serviceproxy.ServiceException(slacker.failureCode(), slacker.getMessage(),
        debugInfo));
  }

  /** @return the subclass its codec rebuilt; {@code null} when the caller's Vert.x has no codec of that name, or it fails */
  private static io.vertx.serviceproxy.ServiceException decode(JsonObject encoded) {
    try {
      Object decoded = EventBusCodecs.decode(vertx(), encoded.getString("codec"), Buffer.buffer(encoded.getBinary("bytes")));
      return decoded instanceof io.vertx.serviceproxy.ServiceException rebuilt ? rebuilt : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The server's method fails on its context, and the proxy's future completes on its caller's. */
  private static Vertx vertx() {
    Context context = Vertx.currentContext();
    return context == null ? null : context.owner();
  }
}
