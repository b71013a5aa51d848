package io.slacker.benchmarks.slacker;

import io.slacker.MethodDescriptor;
import io.slacker.MethodHandler;
import io.slacker.ServiceDefinition;
import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.workload.UserServiceLogic;
import io.vertx.core.Future;

/** The workload's four methods as Slacker descriptors, and the server definition that runs them. */
final class UserServiceMethods {

  static final String SERVICE = "io.slacker.benchmarks.UserService";

  static final MethodDescriptor EXIST_USER = MethodDescriptor.builder(SERVICE, "existUser")
      .parameterTypes(String.class).returnType(Boolean.class).build();
  static final MethodDescriptor CREATE_USER = MethodDescriptor.builder(SERVICE, "createUser")
      .parameterTypes(User.class).returnType(Boolean.class).build();
  static final MethodDescriptor GET_USER = MethodDescriptor.builder(SERVICE, "getUser")
      .parameterTypes(long.class).returnType(User.class).build();
  static final MethodDescriptor LIST_USER = MethodDescriptor.builder(SERVICE, "listUser")
      .parameterTypes(int.class).returnType(Page.class).build();

  private UserServiceMethods() {
  }

  static ServiceDefinition definition() {
    return ServiceDefinition.builder(SERVICE)
        .method(EXIST_USER, answer(args -> UserServiceLogic.existUser((String) args[0])))
        .method(CREATE_USER, answer(args -> UserServiceLogic.createUser((User) args[0])))
        .method(GET_USER, answer(args -> UserServiceLogic.getUser((Long) args[0])))
        .method(LIST_USER, answer(args -> UserServiceLogic.listUser((Integer) args[0])))
        .build();
  }

  private static MethodHandler answer(java.util.function.Function<Object[], Object> logic) {
    return args -> Future.succeededFuture(logic.apply(args));
  }
}
