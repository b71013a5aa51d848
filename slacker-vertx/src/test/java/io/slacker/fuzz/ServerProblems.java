package io.slacker.fuzz;

import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what must never happen in a server, whatever a client sends: an exception that
 * escapes to Vert.x, a report of Vert.x's blocked-thread checker, or an error logged by Vert.x or
 * Netty (an exception that reached the end of a channel pipeline, say).
 */
final class ServerProblems {

  private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Consumer<String> listener;
  /** Loggers are held strongly: JUL keeps only weak references to the ones nobody else holds. */
  private final List<Logger> loggers = List.of(Logger.getLogger(CHECKER), Logger.getLogger("io.vertx"), Logger.getLogger("io.netty"));
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (CHECKER.equals(record.getLoggerName()) || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        add("logged by " + record.getLoggerName() + ": " + record.getMessage() + stackOf(record.getThrown()));
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  /** @param listener also told each problem as it happens (the forked server prints them) */
  ServerProblems(Vertx vertx, Consumer<String> listener) {
    this.listener = listener;
    vertx.exceptionHandler(e -> add("exception escaped to Vert.x: " + e + stackOf(e)));
    for (Logger logger : loggers) {
      logger.addHandler(handler);
    }
  }

  List<String> all() {
    return List.copyOf(problems);
  }

  void close() {
    for (Logger logger : loggers) {
      logger.removeHandler(handler);
    }
  }

  private void add(String problem) {
    problems.add(problem);
    listener.accept(problem);
  }

  private static String stackOf(Throwable error) {
    if (error == null) {
      return "";
    }
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return "\n" + out;
  }
}
