package io.slacker.spi;

import io.slacker.CallOptions;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerClient;

/**
 * What the generator produces for one service interface: a way to make its client proxy and
 * its server-side definition. Found through a {@link ServiceIndex}, never by class-name lookup.
 */
public interface ServiceBinding<T> {

  Class<T> serviceInterface();

  /** @return the service name requests carry */
  String serviceName();

  /** @return a proxy whose calls go through {@code client} with {@code defaults} as their base options */
  T createProxy(SlackerClient client, CallOptions defaults);

  /** @return the definition that runs {@code implementation}'s methods on a server */
  ServiceDefinition createDefinition(T implementation);
}
