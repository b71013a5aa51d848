package io.slacker.benchmarks.dubbo;

import io.slacker.benchmarks.harness.FreePort;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadServer;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ProtocolConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.ServiceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;

/**
 * A Dubbo 3 provider on the dubbo protocol with its default serialization, registered nowhere:
 * the client reaches it by a direct URL. Handlers never block, so they run on the I/O threads
 * (the {@code direct} dispatcher), as every other system here runs them; Dubbo's default pool
 * of 200 threads rejects calls outright when 256 are in flight.
 */
public final class DubboServer implements WorkloadServer {

  private DubboBootstrap bootstrap;

  @Override
  public int start(Settings settings) throws Exception {
    int port = FreePort.find();
    ApplicationConfig application = new ApplicationConfig("slacker-benchmarks-dubbo-server");
    application.setQosEnable(false);
    ProtocolConfig protocol = new ProtocolConfig("dubbo", port);
    protocol.setHost("127.0.0.1");
    protocol.setDispatcher("direct");
    ServiceConfig<DubboUserService> service = new ServiceConfig<>();
    service.setInterface(DubboUserService.class);
    service.setRef(new DubboUserServiceImpl());
    bootstrap = DubboBootstrap.newInstance()
        .application(application)
        .registry(new RegistryConfig(RegistryConfig.NO_AVAILABLE))
        .protocol(protocol)
        .service(service)
        .start();
    return port;
  }

  @Override
  public void close() {
    bootstrap.stop();
  }
}
