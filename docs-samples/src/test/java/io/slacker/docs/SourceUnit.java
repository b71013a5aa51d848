package io.slacker.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source built from a code block: wrapper lines and the block's own, each of which
 * remembers its place in the Markdown file, so that javac's messages point at the docs.
 */
final class SourceUnit {

  private final String className;
  private final StringBuilder text = new StringBuilder();
  private final List<String> origins = new ArrayList<>();

  SourceUnit(String className) {
    this.className = className;
  }

  /** A line that is not in the docs (package, imports, wrapper): messages about it name {@code origin}. */
  SourceUnit wrapper(String line, String origin) {
    text.append(line).append('\n');
    origins.add(origin + " (in the wrapper around the sample)");
    return this;
  }

  SourceUnit line(CodeBlock block, int index) {
    text.append(block.lines().get(index)).append('\n');
    origins.add(block.where(index));
    return this;
  }

  String className() {
    return className;
  }

  String text() {
    return text.toString();
  }

  /** @return where the 1-based {@code line} of this source comes from, as {@code file:line} */
  String origin(long line) {
    return line >= 1 && line <= origins.size() ? origins.get((int) line - 1) : origins.get(0);
  }
}
