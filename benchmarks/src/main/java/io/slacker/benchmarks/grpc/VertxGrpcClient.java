package io.slacker.benchmarks.grpc;

import io.slacker.benchmarks.grpc.proto.ExistUserRequest;
import io.slacker.benchmarks.grpc.proto.GetUserRequest;
import io.slacker.benchmarks.grpc.proto.ListUserRequest;
import io.slacker.benchmarks.grpc.proto.User;
import io.slacker.benchmarks.grpc.proto.UserServiceGrpcClient;
import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.OnContext;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;

/**
 * Unary calls through the client stub the Vert.x protoc plugin generates (vertx-grpc-client),
 * HTTP/2 with prior knowledge over one connection (the HTTP client's default pool of one
 * HTTP/2 connection), made from one context like a verticle's.
 */
public final class VertxGrpcClient implements WorkloadClient {

  private final Vertx vertx;
  private final Context context;
  private final UserServiceGrpcClient stub;
  private final ExistUserRequest[] existRequests = new ExistUserRequest[Operation.KEY_COUNT];
  private final User[] users = new User[Operation.KEY_COUNT];

  private VertxGrpcClient(Vertx vertx, UserServiceGrpcClient stub) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.stub = stub;
    for (int key = 0; key < Operation.KEY_COUNT; key++) {
      existRequests[key] = ExistUserRequest.newBuilder().setEmail(Users.email(key)).build();
      users[key] = ProtoUsers.user(key);
    }
  }

  public static VertxGrpcClient connect(Settings settings) {
    Vertx vertx = Vertx.vertx();
    HttpClientOptions http = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
    GrpcClient grpc = GrpcClient.client(vertx, new GrpcClientOptions(), http);
    return new VertxGrpcClient(vertx, UserServiceGrpcClient.create(grpc, SocketAddress.inetSocketAddress(settings.getInt("port"), "127.0.0.1")));
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    OnContext.run(context, () -> send(operation, key).onComplete(done::complete));
  }

  private Future<?> send(Operation operation, int key) {
    switch (operation) {
      case EXIST_USER:
        return stub.existUser(existRequests[key]);
      case CREATE_USER:
        return stub.createUser(users[key]);
      case GET_USER:
        return stub.getUser(GetUserRequest.newBuilder().setId(key).build());
      case LIST_USER:
        return stub.listUser(ListUserRequest.newBuilder().setPageNo(key).build());
      default:
        throw new AssertionError(operation);
    }
  }

  @Override
  public boolean isCorrect(Operation operation, int key, Object response) {
    return ProtoUsers.isCorrect(operation, key, response);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
