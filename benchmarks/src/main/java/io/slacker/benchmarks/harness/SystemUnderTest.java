package io.slacker.benchmarks.harness;

import io.slacker.SlackerClientOptions;
import io.slacker.benchmarks.dubbo.DubboClient;
import io.slacker.benchmarks.dubbo.DubboServer;
import io.slacker.benchmarks.eventbus.EventBusClient;
import io.slacker.benchmarks.eventbus.EventBusServer;
import io.slacker.benchmarks.floor.FloorClient;
import io.slacker.benchmarks.floor.FloorServer;
import io.slacker.benchmarks.grpc.GrpcClient;
import io.slacker.benchmarks.grpc.GrpcServer;
import io.slacker.benchmarks.grpc.VertxGrpcClient;
import io.slacker.benchmarks.grpc.VertxGrpcServer;
import io.slacker.benchmarks.slacker.Observation;
import io.slacker.benchmarks.slacker.SlackerGatewayWorkloadClient;
import io.slacker.benchmarks.slacker.SlackerGatewayWorkloadServer;
import io.slacker.benchmarks.slacker.SlackerWorkloadClient;
import io.slacker.benchmarks.slacker.SlackerWorkloadServer;
import io.slacker.benchmarks.tls.TlsEngine;

import java.util.function.Supplier;

/** Every system the benchmark knows, in the order a run takes them. */
public enum SystemUnderTest {
  FLOOR("floor", "raw Vert.x NetSocket, frames of Slacker's sizes, no RPC work", FloorServer::new, FloorClient::connect),
  SLACKER_JSON("slacker-json", "Slacker, JSON serialization", SlackerWorkloadServer::new,
      settings -> SlackerWorkloadClient.connect(settings, "json")),
  SLACKER_BINARY("slacker-binary", "Slacker, its default binary serialization (" + SlackerClientOptions.DEFAULT_SERIALIZATION + ")",
      SlackerWorkloadServer::new, settings -> SlackerWorkloadClient.connect(settings, SlackerClientOptions.DEFAULT_SERIALIZATION)),
  SLACKER_BINARY_TLS("slacker-binary-tls", "slacker-binary over TLS, the JDK's engine (Slacker's default)",
      () -> new SlackerWorkloadServer(TlsEngine.JDK),
      settings -> SlackerWorkloadClient.connect(settings, SlackerClientOptions.DEFAULT_SERIALIZATION, TlsEngine.JDK)),
  /** Run only when named with --only: what Slacker's Micrometer meters cost, next to slacker-binary. */
  SLACKER_BINARY_METRICS("slacker-binary-metrics", "slacker-binary with Slacker's meters on a Micrometer registry (slacker-micrometer)",
      () -> new SlackerWorkloadServer(TlsEngine.NONE, Observation.METRICS),
      settings -> SlackerWorkloadClient.connect(settings, SlackerClientOptions.DEFAULT_SERIALIZATION, TlsEngine.NONE,
          Observation.METRICS), false),
  /** Run only when named with --only: what tracing costs when it samples nothing, next to slacker-binary. */
  SLACKER_BINARY_TRACING("slacker-binary-tracing", "slacker-binary with OpenTelemetry tracing through Vert.x's tracing SPI, sampling 0 %",
      () -> new SlackerWorkloadServer(TlsEngine.NONE, Observation.TRACING),
      settings -> SlackerWorkloadClient.connect(settings, SlackerClientOptions.DEFAULT_SERIALIZATION, TlsEngine.NONE,
          Observation.TRACING), false),
  /** Run only when named with --only: the engine comparison. */
  SLACKER_BINARY_TLS_OPENSSL("slacker-binary-tls-openssl", "slacker-binary over TLS, OpenSSL's engine (BoringSSL, netty-tcnative)",
      () -> new SlackerWorkloadServer(TlsEngine.OPENSSL),
      settings -> SlackerWorkloadClient.connect(settings, SlackerClientOptions.DEFAULT_SERIALIZATION, TlsEngine.OPENSSL), false),
  /** Run only when named with --only, like slacker-cbor: they complete the serialization comparison. */
  SLACKER_SMILE("slacker-smile", "Slacker, Smile serialization", SlackerWorkloadServer::new,
      settings -> SlackerWorkloadClient.connect(settings, "smile"), false),
  SLACKER_CBOR("slacker-cbor", "Slacker, CBOR serialization", SlackerWorkloadServer::new,
      settings -> SlackerWorkloadClient.connect(settings, "cbor"), false),
  /** Run only when named with --only: the HTTP/JSON gateway's cost, next to slacker-json. */
  SLACKER_GATEWAY("slacker-gateway", "HTTP/1.1 JSON client -> slacker-web gateway -> Slacker server (JSON), gateway and server in one process",
      SlackerGatewayWorkloadServer::new, SlackerGatewayWorkloadClient::connect, false),
  SERVICE_PROXY("vertx-service-proxy", "generated proxy over the clustered event bus (vertx-zookeeper)", EventBusServer::new, EventBusClient::connect),
  GRPC("grpc-java", "unary calls over grpc-netty, protobuf messages, direct executor", GrpcServer::new, GrpcClient::connect),
  GRPC_TLS("grpc-java-tls", "grpc-java over TLS, gRPC's default engine (BoringSSL bundled in grpc-netty-shaded)",
      () -> new GrpcServer(true), settings -> GrpcClient.connect(settings, true)),
  VERTX_GRPC("vertx-grpc", "Vert.x gRPC (vertx-grpc-server/-client), stubs from the Vert.x protoc plugin, protobuf messages, one HTTP/2 connection",
      VertxGrpcServer::new, VertxGrpcClient::connect),
  DUBBO("dubbo", "Dubbo 3.3, dubbo protocol, direct URL, default serialization (hessian2), direct dispatcher", DubboServer::new, DubboClient::connect);

  private final String label;
  private final String description;
  private final Supplier<WorkloadServer> server;
  private final ClientFactory client;
  private final boolean inDefaultRun;

  SystemUnderTest(String label, String description, Supplier<WorkloadServer> server, ClientFactory client) {
    this(label, description, server, client, true);
  }

  SystemUnderTest(String label, String description, Supplier<WorkloadServer> server, ClientFactory client, boolean inDefaultRun) {
    this.label = label;
    this.description = description;
    this.server = server;
    this.client = client;
    this.inDefaultRun = inDefaultRun;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** @return whether a run without --only includes this system */
  public boolean inDefaultRun() {
    return inDefaultRun;
  }

  WorkloadServer newServer() {
    return server.get();
  }

  WorkloadClient connect(Settings settings) throws Exception {
    return client.connect(settings);
  }

  /** Connects a system's client to its running server. */
  @FunctionalInterface
  private interface ClientFactory {
    WorkloadClient connect(Settings settings) throws Exception;
  }
}
