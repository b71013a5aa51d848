package io.slacker.codegen;

import java.util.List;

/** Writes Java source with two-space indentation, four for continuation lines. */
final class JavaWriter {

  /** Argument lists longer than this go one argument per line. */
  private static final int MAX_LINE = 110;

  private final StringBuilder out = new StringBuilder();
  private int indent;

  JavaWriter line(String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
    return this;
  }

  JavaWriter blank() {
    out.append('\n');
    return this;
  }

  /** Writes {@code header {} and indents what follows. */
  JavaWriter open(String header) {
    line(header + " {");
    indent++;
    return this;
  }

  JavaWriter close() {
    indent--;
    return line("}");
  }

  /** Continuation lines: indented four more. */
  JavaWriter continuation(String text) {
    out.append("  ".repeat(indent + 2)).append(text).append('\n');
    return this;
  }

  /**
   * Writes {@code prefix + args + suffix} on one line, or with one argument per continuation line
   * when it would be too long. {@code prefix} ends with the opening parenthesis.
   */
  JavaWriter call(String prefix, List<String> args, String suffix, boolean asContinuation) {
    String oneLine = prefix + String.join(", ", args) + suffix;
    int extra = asContinuation ? 4 : 0;
    if (args.isEmpty() || indent * 2 + extra + oneLine.length() <= MAX_LINE) {
      return asContinuation ? continuation(oneLine) : line(oneLine);
    }
    if (asContinuation) {
      continuation(prefix);
    } else {
      line(prefix);
    }
    String argIndent = "  ".repeat(indent + (asContinuation ? 4 : 2));
    for (int i = 0; i < args.size(); i++) {
      out.append(argIndent).append(args.get(i)).append(i < args.size() - 1 ? "," : suffix).append('\n');
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
