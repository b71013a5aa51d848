package io.slacker.web.impl;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.web.SlackerGateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@value SlackerGateway#TIMEOUT_HEADER}: {@code 2s}, {@code 500ms}, {@code 1m}, or plain milliseconds. */
final class TimeoutHeader {

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})(ms|s|m)?");

  private TimeoutHeader() {
  }

  /**
   * @return the timeout in milliseconds
   * @throws SlackerException BAD_REQUEST for text of another form, zero, or over {@code maxMillis}
   */
  static long millis(String text, long maxMillis) {
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      throw badRequest(SlackerGateway.TIMEOUT_HEADER + " must be like 2s, 500ms, 1m or plain milliseconds, got \""
          + text + "\"");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2);
    long millis = "s".equals(unit) ? amount * 1_000 : "m".equals(unit) ? amount * 60_000 : amount;
    if (millis <= 0) {
      throw badRequest(SlackerGateway.TIMEOUT_HEADER + " must be positive, got \"" + text + "\"");
    }
    if (millis > maxMillis) {
      throw badRequest(SlackerGateway.TIMEOUT_HEADER + " of " + millis + " ms is over the gateway's limit of "
          + maxMillis + " ms");
    }
    return millis;
  }

  private static SlackerException badRequest(String message) {
    return new SlackerException(StatusCode.BAD_REQUEST, message);
  }
}
