package io.slacker.benchmarks.grpc;

import io.slacker.benchmarks.grpc.proto.Answer;
import io.slacker.benchmarks.grpc.proto.ExistUserRequest;
import io.slacker.benchmarks.grpc.proto.GetUserRequest;
import io.slacker.benchmarks.grpc.proto.ListUserRequest;
import io.slacker.benchmarks.grpc.proto.Page;
import io.slacker.benchmarks.grpc.proto.User;
import io.slacker.benchmarks.grpc.proto.UserServiceService;
import io.slacker.benchmarks.workload.UserServiceLogic;
import io.vertx.core.Future;

/** The workload's server logic behind the service base the Vert.x protoc plugin generates. */
final class VertxGrpcUserService extends UserServiceService {

  private static final Future<Answer> YES = Future.succeededFuture(Answer.newBuilder().setValue(true).build());
  private static final Future<Answer> NO = Future.succeededFuture(Answer.newBuilder().setValue(false).build());

  @Override
  public Future<Answer> existUser(ExistUserRequest request) {
    return UserServiceLogic.existUser(request.getEmail()) ? YES : NO;
  }

  @Override
  public Future<Answer> createUser(User request) {
    return UserServiceLogic.accepts(request.getEmail(), request.getPermissionsCount()) ? YES : NO;
  }

  @Override
  public Future<User> getUser(GetUserRequest request) {
    return Future.succeededFuture(ProtoUsers.user(request.getId()));
  }

  @Override
  public Future<Page> listUser(ListUserRequest request) {
    return Future.succeededFuture(ProtoUsers.page(request.getPageNo()));
  }
}
