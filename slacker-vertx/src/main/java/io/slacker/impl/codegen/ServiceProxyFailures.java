package io.slacker.impl.codegen;

import io.slacker.ServiceException;
import io.vertx.core.Future;

/**
 * vertx-service-proxy's failure contract over Slacker, for {@code @ProxyGen} services: a method
 * that fails with its {@code io.vertx.serviceproxy.ServiceException} reaches the caller as one,
 * with the same failure code, message and debug info. On the wire it travels as Slacker's own
 * {@link ServiceException}: failure code and JSON details (docs/protocol.md §5). Without
 * vertx-service-proxy on the class path there is nothing to convert, and nothing is: the classes
 * that name its types ({@link ServiceProxyExceptions}) are then never loaded.
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
    return PRESENT ? ServiceProxyExceptions.fromMethod(failure) : null;
  }

  /**
   * Used by the proxies generated for {@code @ProxyGen} interfaces.
   *
   * @return {@code call}, whose {@link ServiceException} failure becomes vertx-service-proxy's
   */
  public static <T> Future<T> forProxyGen(Future<T> call) {
    return PRESENT ? call.recover(ServiceProxyExceptions::toServiceProxy) : call;
  }
}
