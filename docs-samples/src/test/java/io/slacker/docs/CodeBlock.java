package io.slacker.docs;

import java.util.List;

/**
 * One {@code ```java} block of a Markdown file.
 *
 * @param file the Markdown file, as reported in messages (e.g. {@code docs/guide.md})
 * @param firstLine the line number, in that file, of the block's first line of code
 * @param lines the block's lines
 * @param directive the text of a {@code <!-- sample: ... -->} comment just above the block, or {@code null}
 */
record CodeBlock(String file, int firstLine, List<String> lines, String directive) {

  /** @return where the block's {@code index}th line (from 0) is, as {@code file:line} */
  String where(int index) {
    return file + ":" + (firstLine + index);
  }
}
