package io.slacker.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Slacker build, which clients announce in their HELLO and servers in describe. */
public final class SlackerVersion {

  private static final String VERSION = read();

  private SlackerVersion() {
  }

  /** @return the project version the build wrote into {@code version.properties}, {@code "unknown"} without it */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = SlackerVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
