package io.slacker.codegen.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Fails a test during which Vert.x's blocked-thread checker reported a blocked thread. */
public final class BlockedThreadGuard implements BeforeEachCallback, AfterEachCallback {

  private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");

  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      reports.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @Override
  public void beforeEach(ExtensionContext context) {
    reports.clear();
    CHECKER.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    CHECKER.removeHandler(handler);
    if (!reports.isEmpty()) {
      throw new AssertionError("the blocked-thread checker reported: " + reports);
    }
  }
}
