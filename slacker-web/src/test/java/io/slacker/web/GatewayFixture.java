package io.slacker.web;

import io.slacker.SlackerException;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.StatusCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Slacker server on 127.0.0.1 running {@link Shop} and {@link Failing}, a gateway in front of
 * it, and an HTTP client. The server refuses a call whose metadata has {@code refuse-with} with
 * that status code, as an interceptor would: how the tests get the codes only Slacker produces.
 */
final class GatewayFixture implements AutoCloseable {

  static final String REFUSE_WITH = "refuse-with";

  final SlackerServer server;
  /** The server's {@link Shop}, {@code null} for a client of a gateway started elsewhere. */
  final ShopImpl shop;
  final WebClient web;
  private final int httpPort;

  private GatewayFixture(SlackerServer server, ShopImpl shop, WebClient web, int httpPort) {
    this.server = server;
    this.shop = shop;
    this.web = web;
    this.httpPort = httpPort;
  }

  /** A gateway whose calls go to the fixture's server, configured by {@code options} otherwise. */
  static GatewayFixture start(Vertx vertx, SlackerGatewayOptions options) throws Exception {
    ShopImpl shop = new ShopImpl(vertx);
    SlackerServer server = startServer(SlackerServer.create(vertx,
        new SlackerServerOptions().setHost("127.0.0.1").setPort(0).setEventLoops(1)), shop);
    SocketAddress address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
    GatewayVerticle gateway = new GatewayVerticle(new SlackerGatewayOptions(options).setServer(address), null);
    vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
    return new GatewayFixture(server, shop, webClient(vertx), gateway.port());
  }

  /** Registers the test services and the refusing interceptor on {@code server}, and starts it. */
  static SlackerServer startServer(SlackerServer server, ShopImpl shop) throws Exception {
    server.register(Shop.class, shop)
        .register(Failing.class, new FailingImpl())
        .addInterceptor((call, next) -> {
          String code = call.metadata().get(REFUSE_WITH);
          return code == null
              ? next.proceed()
              : Future.failedFuture(new SlackerException(StatusCode.valueOf(code), "refused with " + code));
        });
    return server.listen().await(10, TimeUnit.SECONDS);
  }

  static WebClient webClient(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"), new PoolOptions().setHttp1MaxSize(32));
  }

  /** An HTTP client for a gateway started elsewhere (with a server of the test's own). */
  static GatewayFixture client(Vertx vertx, int httpPort) {
    return new GatewayFixture(null, null, webClient(vertx), httpPort);
  }

  /** {@code POST /rpc<path>} with a JSON body. */
  Future<HttpResponse<Buffer>> post(String path, String json) {
    return post(path, json, MultiMap.caseInsensitiveMultiMap());
  }

  Future<HttpResponse<Buffer>> post(String path, String json, MultiMap headers) {
    return web.post(httpPort, "127.0.0.1", "/rpc" + path)
        .putHeader("Content-Type", "application/json")
        .putHeaders(headers)
        .sendBuffer(Buffer.buffer(json));
  }

  HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> response) throws Exception {
    return response.await(10, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> call(String path, String json) throws Exception {
    return await(post(path, json));
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return web.get(httpPort, "127.0.0.1", "/rpc" + path).send().await(10, TimeUnit.SECONDS);
  }

  /** A good call, answered: proof that the gateway still serves after a bad request. */
  void assertServes() throws Exception {
    HttpResponse<Buffer> response = call("/test.Shop/echo", "[\"still here\"]");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("\"still here\"", response.bodyAsString());
  }

  /** @return the error body, after checking the status and that it is JSON */
  static JsonObject error(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals("application/json", response.getHeader("Content-Type"));
    return response.bodyAsJsonObject();
  }

  int httpPort() {
    return httpPort;
  }

  @Override
  public void close() throws Exception {
    web.close();
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }
}
