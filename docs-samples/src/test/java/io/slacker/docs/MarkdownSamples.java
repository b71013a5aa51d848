package io.slacker.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ```java} blocks of a Markdown file, with the {@code <!-- sample: ... -->} comment above each. */
final class MarkdownSamples {

  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*sample:\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");

  private MarkdownSamples() {
  }

  /** @param name how messages name the file */
  static List<CodeBlock> read(Path markdown, String name) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    List<CodeBlock> blocks = new ArrayList<>();
    String directive = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher comment = DIRECTIVE.matcher(line);
      Matcher java = JAVA_FENCE.matcher(line);
      if (comment.matches()) {
        directive = comment.group(1);
      } else if (java.matches()) {
        int indent = java.group(1).length();
        List<String> code = new ArrayList<>();
        int j = i + 1;
        for (; j < lines.size() && !FENCE.matcher(lines.get(j)).matches(); j++) {
          String codeLine = lines.get(j);
          code.add(codeLine.length() >= indent && codeLine.substring(0, indent).isBlank() ? codeLine.substring(indent) : codeLine);
        }
        if (j == lines.size()) {
          throw new IllegalStateException(name + ":" + (i + 1) + ": the java block is never closed");
        }
        blocks.add(new CodeBlock(name, i + 2, code, directive));
        directive = null;
        i = j;
      } else if (!line.isBlank()) {
        // A directive applies to the block right below it, with at most blank lines between.
        directive = null;
      }
    }
    return blocks;
  }
}
