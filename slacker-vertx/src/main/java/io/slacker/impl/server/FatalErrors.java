package io.slacker.impl.server;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Ends the process when the JVM runs out of memory under a server, rather than leave it up but
 * deaf: an {@link OutOfMemoryError} can kill an event loop, the acceptor or the blocked-thread
 * checker half way, and nothing then tells a supervisor. One line goes to standard error, then
 * the process halts with {@link #EXIT_STATUS}, as {@code -XX:+ExitOnOutOfMemoryError} would;
 * halting runs no shutdown hook, which could itself need memory or wait forever.
 * A {@link StackOverflowError} is not fatal: the call that overflowed fails, its thread is fine.
 */
public final class FatalErrors {

  /** The JVM's own status for {@code -XX:+ExitOnOutOfMemoryError}. */
  public static final int EXIT_STATUS = 3;

  /** Built up front: when the error comes there may be no memory to build it. */
  private static final String LINE = "slacker: FATAL: the JVM ran out of memory (or another VirtualMachineError) under a Slacker"
      + " server; halting with status " + EXIT_STATUS + " so that a supervisor restarts the process"
      + " (ServerLimitsOptions.exitOnOutOfMemory)";

  private static final Set<Vertx> INSTALLED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static volatile boolean armed;

  private FatalErrors() {
  }

  /**
   * Arms the process: from now on a fatal error that reaches a Slacker server, a handler of
   * {@code vertx}, or escapes any thread ends the process. Handlers set before are still called.
   */
  static void install(Vertx vertx) {
    armed = true;
    if (INSTALLED.add(vertx)) {
      Handler<Throwable> previous = vertx.exceptionHandler();
      vertx.exceptionHandler(error -> {
        check(error);
        if (previous != null) {
          previous.handle(error);
        }
      });
    }
    synchronized (FatalErrors.class) {
      Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
      if (!(current instanceof HaltingHandler)) {
        Thread.setDefaultUncaughtExceptionHandler(new HaltingHandler(current));
      }
    }
  }

  /** Halts the process when armed and {@code error}, or one of its causes, is fatal. */
  static void check(Throwable error) {
    if (armed && isFatal(error)) {
      halt(error);
    }
  }

  static boolean isFatal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        return true;
      }
    }
    return false;
  }

  private static void halt(Throwable error) {
    try {
      System.err.println(LINE + ": " + error + " on thread " + Thread.currentThread().getName());
    } catch (Throwable ignored) {
      System.err.println(LINE);
    } finally {
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
  }

  private record HaltingHandler(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread thread, Throwable error) {
      check(error);
      if (previous != null) {
        previous.uncaughtException(thread, error);
      } else {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace();
      }
    }
  }
}
