package io.slacker.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Fails a test during which Vert.x's blocked-thread checker reported an event loop (or worker)
 * as blocked. Pair it with {@link TestVertx#create()}, whose threshold is low.
 */
public final class BlockedThreadGuard implements BeforeEachCallback, AfterEachCallback {

  private static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final Logger LOGGER = Logger.getLogger(CHECKER_LOGGER);

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
    LOGGER.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LOGGER.removeHandler(handler);
    if (!reports.isEmpty()) {
      throw new AssertionError("the blocked-thread checker reported: " + reports);
    }
  }
}
