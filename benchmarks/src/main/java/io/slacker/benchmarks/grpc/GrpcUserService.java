package io.slacker.benchmarks.grpc;

import io.grpc.stub.StreamObserver;
import io.slacker.benchmarks.grpc.proto.Answer;
import io.slacker.benchmarks.grpc.proto.ExistUserRequest;
import io.slacker.benchmarks.grpc.proto.GetUserRequest;
import io.slacker.benchmarks.grpc.proto.ListUserRequest;
import io.slacker.benchmarks.grpc.proto.Page;
import io.slacker.benchmarks.grpc.proto.User;
import io.slacker.benchmarks.grpc.proto.UserServiceGrpc;
import io.slacker.benchmarks.workload.UserServiceLogic;

/** The workload's server logic behind gRPC's generated service base. */
final class GrpcUserService extends UserServiceGrpc.UserServiceImplBase {

  private static final Answer YES = Answer.newBuilder().setValue(true).build();
  private static final Answer NO = Answer.newBuilder().setValue(false).build();

  @Override
  public void existUser(ExistUserRequest request, StreamObserver<Answer> response) {
    reply(response, UserServiceLogic.existUser(request.getEmail()) ? YES : NO);
  }

  @Override
  public void createUser(User request, StreamObserver<Answer> response) {
    reply(response, UserServiceLogic.accepts(request.getEmail(), request.getPermissionsCount()) ? YES : NO);
  }

  @Override
  public void getUser(GetUserRequest request, StreamObserver<User> response) {
    reply(response, ProtoUsers.user(request.getId()));
  }

  @Override
  public void listUser(ListUserRequest request, StreamObserver<Page> response) {
    reply(response, ProtoUsers.page(request.getPageNo()));
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
