package io.slacker.codegen.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first sentence of a Javadoc comment as plain text, for describe: inline tags reduced to
 * their text ({@code {@code x}} to {@code x}, a link to its label or target), HTML tags
 * dropped, white space collapsed, block tags ({@code @param}, …) left out, except {@code @return}
 * for a comment that has nothing else.
 */
final class JavadocSummary {

  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
  /** Javadoc's own rule: the first sentence ends at a period followed by white space, or at the end. */
  private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");
  private static final int MAX_LENGTH = 300;

  private JavadocSummary() {
  }

  /** A link reads as its label when it has one, else as its target: {@code #events()} as {@code events()}. */
  private static String inlineText(String tag, String content) {
    if (!tag.startsWith("link")) {
      return content;
    }
    int space = content.indexOf(' ');
    if (space > 0) {
      return content.substring(space + 1).trim();
    }
    return content.startsWith("#") ? content.substring(1) : content.replace('#', '.');
  }

  /** @return the summary, {@code null} when the comment is absent or has none */
  static String of(String comment) {
    if (comment == null) {
      return null;
    }
    String body = comment;
    Matcher blockTag = Pattern.compile("(?m)^\\s*@\\w+").matcher(body);
    if (blockTag.find()) {
      body = body.substring(0, blockTag.start());
    }
    if (body.isBlank()) {
      // A comment of block tags alone: "@return the count" reads as "Returns the count", as {@return} would.
      Matcher returns = Pattern.compile("(?m)^\\s*@return\\s+([\\s\\S]*?)(?=^\\s*@\\w+|\\z)").matcher(comment);
      body = returns.find() ? "Returns " + returns.group(1) : body;
    }
    Matcher inline = INLINE_TAG.matcher(body);
    StringBuilder text = new StringBuilder();
    while (inline.find()) {
      inline.appendReplacement(text, Matcher.quoteReplacement(inlineText(inline.group(1), inline.group(2).trim())));
    }
    inline.appendTail(text);
    String plain = HTML_TAG.matcher(text).replaceAll("").replaceAll("\\s+", " ").trim();
    Matcher end = SENTENCE_END.matcher(plain);
    String sentence = end.find() ? plain.substring(0, end.start() + 1) : plain;
    if (sentence.isEmpty()) {
      return null;
    }
    return sentence.length() <= MAX_LENGTH ? sentence : sentence.substring(0, MAX_LENGTH - 1) + "…";
  }
}
