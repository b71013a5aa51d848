package io.slacker.benchmarks.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.slacker.benchmarks.grpc.proto.ExistUserRequest;
import io.slacker.benchmarks.grpc.proto.GetUserRequest;
import io.slacker.benchmarks.grpc.proto.ListUserRequest;
import io.slacker.benchmarks.grpc.proto.User;
import io.slacker.benchmarks.grpc.proto.UserServiceGrpc;
import io.slacker.benchmarks.harness.Completion;
import io.slacker.benchmarks.harness.Settings;
import io.slacker.benchmarks.harness.WorkloadClient;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;

import javax.net.ssl.SSLException;
import java.io.File;
import java.util.concurrent.TimeUnit;

/** Unary calls through the generated async stub, on one channel (one HTTP/2 connection). */
public final class GrpcClient implements WorkloadClient {

  private final ManagedChannel channel;
  private final UserServiceGrpc.UserServiceStub stub;
  private final ExistUserRequest[] existRequests = new ExistUserRequest[Operation.KEY_COUNT];
  private final User[] users = new User[Operation.KEY_COUNT];

  private GrpcClient(ManagedChannel channel) {
    this.channel = channel;
    this.stub = UserServiceGrpc.newStub(channel);
    for (int key = 0; key < Operation.KEY_COUNT; key++) {
      existRequests[key] = ExistUserRequest.newBuilder().setEmail(Users.email(key)).build();
      users[key] = ProtoUsers.user(key);
    }
  }

  public static GrpcClient connect(Settings settings) throws SSLException {
    return connect(settings, false);
  }

  /** @param tls over TLS, trusting the runner's CA */
  public static GrpcClient connect(Settings settings, boolean tls) throws SSLException {
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", settings.getInt("port"));
    if (tls) {
      builder.sslContext(GrpcSslContexts.forClient().trustManager(new File(settings.get("tlsCa"))).build());
    } else {
      builder.usePlaintext();
    }
    return new GrpcClient(builder.directExecutor().build());
  }

  @Override
  public void call(Operation operation, int key, Completion done) {
    switch (operation) {
      case EXIST_USER:
        stub.existUser(existRequests[key], observer(done));
        break;
      case CREATE_USER:
        stub.createUser(users[key], observer(done));
        break;
      case GET_USER:
        stub.getUser(GetUserRequest.newBuilder().setId(key).build(), observer(done));
        break;
      case LIST_USER:
        stub.listUser(ListUserRequest.newBuilder().setPageNo(key).build(), observer(done));
        break;
      default:
        throw new AssertionError(operation);
    }
  }

  @Override
  public boolean isCorrect(Operation operation, int key, Object response) {
    return ProtoUsers.isCorrect(operation, key, response);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static <T> StreamObserver<T> observer(Completion done) {
    return new StreamObserver<>() {
      private T value;

      @Override
      public void onNext(T next) {
        value = next;
      }

      @Override
      public void onError(Throwable failure) {
        done.complete(null, failure);
      }

      @Override
      public void onCompleted() {
        done.complete(value, null);
      }
    };
  }
}
