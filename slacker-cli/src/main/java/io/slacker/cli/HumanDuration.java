package io.slacker.cli;

/** Durations for people: {@code 850ms}, {@code 42s}, {@code 3m 12s}, {@code 5h 2m}, {@code 2d 3h}. */
final class HumanDuration {

  private HumanDuration() {
  }

  static String of(long millis) {
    if (millis < 1_000) {
      return millis + "ms";
    }
    long seconds = millis / 1_000;
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m " + seconds % 60 + "s";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours + "h " + minutes % 60 + "m";
    }
    return hours / 24 + "d " + hours % 24 + "h";
  }
}
