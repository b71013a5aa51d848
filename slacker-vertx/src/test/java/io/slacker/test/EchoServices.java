package io.slacker.test;

import io.slacker.MethodDescriptor;
import io.slacker.ServerCall;
import io.slacker.ServiceDefinition;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-built test service, written the way generated invokers are: descriptors plus handlers. */
public final class EchoServices {

  public static final String NAME = "test.Echo";

  public record User(long id, String name, List<String> tags) {
  }

  public static final MethodDescriptor ECHO = MethodDescriptor.builder(NAME, "echo")
      .parameterTypes(String.class).returnType(String.class).build();
  public static final MethodDescriptor ADD = MethodDescriptor.builder(NAME, "add")
      .parameterTypes(int.class, int.class).returnType(Integer.class).build();
  public static final MethodDescriptor RENAME = MethodDescriptor.builder(NAME, "rename")
      .parameterTypes(User.class, String.class).returnType(User.class).build();
  public static final MethodDescriptor THROWS = MethodDescriptor.builder(NAME, "throwing")
      .parameterTypes(String.class).returnType(String.class).build();
  public static final MethodDescriptor FAILS = MethodDescriptor.builder(NAME, "failing")
      .parameterTypes(String.class).returnType(String.class).build();
  /** Fails with an exception that breaks when read: its getMessage() and toString() throw. */
  public static final MethodDescriptor FAILS_UNREADABLY = MethodDescriptor.builder(NAME, "failingUnreadably")
      .returnType(String.class).build();
  /** Fails with a Slacker status code, as a method passing on its own downstream call's failure does. */
  public static final MethodDescriptor PASSES_ON = MethodDescriptor.builder(NAME, "passesOn")
      .parameterTypes(String.class).returnType(String.class).build();
  public static final MethodDescriptor NEVER = MethodDescriptor.builder(NAME, "never")
      .returnType(String.class).build();
  public static final MethodDescriptor SLEEP = MethodDescriptor.builder(NAME, "sleep")
      .parameterTypes(long.class).returnType(Long.class).blocking(true).build();
  public static final MethodDescriptor BLOB = MethodDescriptor.builder(NAME, "blob")
      .parameterTypes(int.class).returnType(Buffer.class).build();
  public static final MethodDescriptor NOTIFY = MethodDescriptor.builder(NAME, "notify")
      .parameterTypes(String.class).oneWay(true).build();
  public static final MethodDescriptor METADATA = MethodDescriptor.builder(NAME, "metadata")
      .parameterTypes(String.class).returnType(String.class).build();
  public static final MethodDescriptor HELD = MethodDescriptor.builder(NAME, "held")
      .parameterTypes(String.class).returnType(String.class).build();

  /** A call to {@code held(text)}, answered when a test completes its promise on {@code context}. */
  public record HeldCall(Context context, String text, Promise<Object> promise) {
  }

  /** Calls that reached {@code never()}, so tests can watch them being cancelled. */
  public final List<ServerCall> neverCalls = new CopyOnWriteArrayList<>();
  public final List<String> notifications = new CopyOnWriteArrayList<>();
  public final AtomicInteger blobCalls = new AtomicInteger();
  public final List<HeldCall> heldCalls = new CopyOnWriteArrayList<>();

  public ServiceDefinition definition() {
    return ServiceDefinition.builder(NAME)
        .method(ECHO, args -> Future.succeededFuture(args[0]))
        .method(ADD, args -> Future.succeededFuture((Integer) args[0] + (Integer) args[1]))
        .method(RENAME, args -> {
          User user = (User) args[0];
          return Future.succeededFuture(new User(user.id(), (String) args[1], user.tags()));
        })
        .method(THROWS, args -> {
          throw new IllegalStateException("thrown: " + args[0]);
        })
        .method(FAILS, args -> Future.failedFuture(new IllegalArgumentException("failed: " + args[0])))
        .method(FAILS_UNREADABLY, args -> Future.failedFuture(new Unreadable()))
        .method(PASSES_ON, args -> Future.failedFuture(new SlackerException(StatusCode.UNAVAILABLE, "downstream: " + args[0])))
        .method(NEVER, args -> {
          neverCalls.add(ServerCall.current());
          return Promise.promise().future();
        })
        .method(SLEEP, args -> {
          Thread.sleep((Long) args[0]);
          return Future.succeededFuture(args[0]);
        })
        .method(BLOB, args -> {
          blobCalls.incrementAndGet();
          return Future.succeededFuture(Buffer.buffer(new byte[(Integer) args[0]]));
        })
        .method(NOTIFY, args -> {
          notifications.add((String) args[0]);
          return Future.succeededFuture();
        })
        .method(METADATA, args -> Future.succeededFuture(ServerCall.current().metadata().get((String) args[0])))
        .method(HELD, args -> {
          Promise<Object> promise = Promise.promise();
          heldCalls.add(new HeldCall(Vertx.currentContext(), (String) args[0], promise));
          return promise.future();
        })
        .build();
  }

  /** An application's exception whose message cannot be read. */
  static final class Unreadable extends RuntimeException {
    @Override
    public String getMessage() {
      throw new IllegalStateException("no message here");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("no text either");
    }
  }
}
