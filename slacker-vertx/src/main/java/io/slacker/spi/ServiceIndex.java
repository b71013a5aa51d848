package io.slacker.spi;

import java.util.List;

/**
 * The generated index of one module's service bindings, registered in
 * {@code META-INF/services/io.slacker.spi.ServiceIndex} and loaded once with
 * {@link java.util.ServiceLoader}.
 */
public interface ServiceIndex {

  List<ServiceBinding<?>> bindings();
}
