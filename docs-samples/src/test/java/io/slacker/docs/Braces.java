package io.slacker.docs;

/** Counts the braces of a line of Java that are code, not in a string, character or comment. */
final class Braces {

  private Braces() {
  }

  /** @return opening braces minus closing ones */
  static int count(String line) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return depth;
  }
}
