package io.slacker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The arguments of {@code slacker call}: one JSON array, an element per parameter. */
final class CallArguments {

  private static final String EXAMPLE = "e.g. '[\"Ada\", 42]', or '[]' for none";

  private CallArguments() {
  }

  /** @throws CommandFailure {@link ExitCode#BAD_ARGUMENTS} when {@code text} is not one JSON array */
  static List<Object> parse(String text) {
    JsonNode json;
    try {
      json = JsonText.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CommandFailure(ExitCode.BAD_ARGUMENTS, "the arguments are not JSON (column "
          + e.getLocation().getColumnNr() + ": " + briefly(e.getOriginalMessage()) + "): give a JSON array, " + EXAMPLE);
    }
    if (json == null || !json.isArray()) {
      String found = json == null || json.isMissingNode() ? "nothing" : "a JSON " + json.getNodeType().name().toLowerCase();
      throw new CommandFailure(ExitCode.BAD_ARGUMENTS, "the arguments must be a JSON array, got " + found + ": " + EXAMPLE);
    }
    List<Object> args = new ArrayList<>(json.size());
    for (JsonNode element : json) {
      args.add(JsonText.MAPPER.convertValue(element, Object.class));
    }
    return args;
  }

  /** Jackson's message without the parser's own location notes, which repeat what the column says. */
  private static String briefly(String message) {
    int notes = message.indexOf(" (start marker at");
    int newline = message.indexOf('\n');
    int end = notes >= 0 ? notes : newline >= 0 ? newline : message.length();
    return message.substring(0, end);
  }
}
