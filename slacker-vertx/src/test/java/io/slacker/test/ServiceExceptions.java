package io.slacker.test;

import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;

import java.util.concurrent.TimeUnit;

/** For tests of @ProxyGen services: the vertx-service-proxy failure a call must end with. */
public final class ServiceExceptions {

  private ServiceExceptions() {
  }

  /** @return the {@code ServiceException} {@code call} failed with, within 10 s; an assertion error otherwise */
  public static ServiceException failureOf(Future<?> call) {
    try {
      call.await(10, TimeUnit.SECONDS);
    } catch (ServiceException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected vertx-service-proxy's ServiceException, got " + e, e);
    }
    throw new AssertionError("expected the call to fail");
  }
}
