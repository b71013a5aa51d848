package io.slacker.test;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SLF4J provider of this module's tests (see {@link LogCaptureProvider}): it keeps what
 * Slacker's own loggers write while a test captures. Netty, which prefers SLF4J to
 * java.util.logging once SLF4J has a provider, is handed on to java.util.logging, where the tests
 * watching its errors listen, as before; everything else is dropped, as SLF4J without a provider
 * would.
 */
public final class LogCapture {

  /** One line as a logger wrote it. */
  public record Line(Level level, String logger, String message) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + message;
    }
  }

  private static final List<Line> LINES = new CopyOnWriteArrayList<>();
  private static volatile boolean capturing;

  private LogCapture() {
  }

  /** Starts keeping lines, forgetting earlier ones. */
  public static void start() {
    LINES.clear();
    capturing = true;
  }

  /** Stops keeping lines. */
  public static void stop() {
    capturing = false;
  }

  /** @return the lines kept since {@link #start()} */
  public static List<Line> lines() {
    return List.copyOf(LINES);
  }

  /** A logger that keeps Slacker's lines of DEBUG and above while capturing. */
  static final class CapturingLogger extends AbstractLogger {

    /** Where a Netty logger's lines go; {@code null} for every other logger. */
    private final java.util.logging.Logger jul;

    CapturingLogger(String name) {
      this.name = name;
      this.jul = name.startsWith("io.netty") ? java.util.logging.Logger.getLogger(name) : null;
    }

    private boolean enabled(Level level) {
      if (jul != null) {
        return jul.isLoggable(julLevel(level));
      }
      return capturing && name.startsWith("io.slacker") && level.toInt() >= Level.DEBUG.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
      if (jul != null) {
        jul.log(julLevel(level), message, throwable);
      } else if (enabled(level)) {
        LINES.add(new Line(level, name, message));
      }
    }

    private static java.util.logging.Level julLevel(Level level) {
      return switch (level) {
        case ERROR -> java.util.logging.Level.SEVERE;
        case WARN -> java.util.logging.Level.WARNING;
        case INFO -> java.util.logging.Level.INFO;
        case DEBUG -> java.util.logging.Level.FINE;
        case TRACE -> java.util.logging.Level.FINEST;
      };
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return enabled(Level.ERROR);
    }
  }
}
