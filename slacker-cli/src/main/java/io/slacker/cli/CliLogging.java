package io.slacker.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' logs off an operator's terminal: the command's own message says what went
 * wrong, and ZooKeeper's reconnect warnings only bury it. {@code --verbose} shows them.
 * SLF4J (Slacker, ZooKeeper, Curator, Netty) goes to slf4j-simple, off by default in
 * simplelogger.properties; what logs through java.util.logging (Vert.x by default) is turned off here.
 */
final class CliLogging {

  private static final String SLF4J_SIMPLE_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private CliLogging() {
  }

  /** Call before anything logs: slf4j-simple reads its level once, when the first logger is made. */
  static void configure(boolean verbose) {
    if (verbose) {
      System.setProperty(SLF4J_SIMPLE_LEVEL, "info");
    }
    Level level = verbose ? Level.INFO : Level.OFF;
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    for (Handler handler : root.getHandlers()) {
      handler.setLevel(level);
    }
  }
}
