package io.slacker.benchmarks.slacker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.OnContext;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Calls through the HTTP gateway with Vert.x's HTTP/1.1 client: JSON array bodies built once per
 * key, every answer decoded into the model, as a JSON caller of the service would. HTTP/1.1 has
 * one request in flight per connection, so the pool holds as many connections as calls in flight
 * (up to 256), the one exception to "one connection per client" in this harness.
 */
public final class SlackerGatewayWorkloadClient implements WorkloadClient {

  private static final String PATH = "/rpc/" + SlackerUserService.class.getName() + "/";
  private static final int MAX_CONNECTIONS = 256;

  private final Vertx vertx;
  private final HttpClient http;
  /** Every call is made from here, as a verticle would make it. */
  private final Context context;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final RequestOptions[] requests = new RequestOptions[Operation.values().length];
  private final JavaType[] resultTypes = new JavaType[Operation.values().length];
  private final Buffer[][] bodies = new Buffer[Operation.values().length][Operation.KEY_COUNT];

  private SlackerGatewayWorkloadClient(Vertx vertx, HttpClient http) {
    this.vertx = vertx;
    this.http = http;
    this.context = vertx.getOrCreateContext();
    for (Operation operation : Operation.values()) {
      requests[operation.ordinal()] = new RequestOptions().setMethod(HttpMethod.POST).setURI(PATH + operation.methodName())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
      resultTypes[operation.ordinal()] = json.constructType(switch (operation) {
        case EXIST_USER, CREATE_USER -> Boolean.class;
        case GET_USER -> User.class;
        case LIST_USER -> Page.class;
      });
      for (int key = 0; key < Operation.KEY_COUNT; key++) {
        bodies[operation.ordinal()][key] = Buffer.buffer(encode(List.of(argument(operation, key))));
      }
    }
  }

  public static SlackerGatewayWorkloadClient connect(Settings settings) {
    Vertx vertx = Vertx.vertx();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions()
            .setDefaultHost("127.0.0.1")
            .setDefaultPort(settings.getInt("port")),
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    return new SlackerGatewayWorkloadClient(vertx, http);
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    OnContext.run(context, () -> invoke(operation, key, done));
  }

  private void invoke(Operation operation, int key, Completion done) {
    int index = operation.ordinal();
    http.request(requests[index])
        .compose(request -> request.send(bodies[index][key]))
        .compose(response -> response.statusCode() == 200
            ? response.body()
            : response.body().compose(body -> Future.failedFuture(new IllegalStateException(
                "HTTP " + response.statusCode() + ": " + body))))
        .onComplete(body -> {
          if (body.failed()) {
            done.complete(null, body.cause());
            return;
          }
          Object result;
          try {
            result = json.readValue(body.result().getBytes(), resultTypes[index]);
          } catch (IOException e) {
            done.complete(null, e);
            return;
          }
          done.complete(result, null);
        });
  }

  private static Object argument(Operation operation, int key) {
    return switch (operation) {
      case EXIST_USER -> Users.email(key);
      case CREATE_USER -> Users.user(key);
      case GET_USER -> (long) key;
      case LIST_USER -> key;
    };
  }

  private byte[] encode(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.close().await();
    vertx.close().await();
  }
}
