package io.slacker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;

/** JSON as the CLI reads and prints it: pretty for people, one line for scripts. */
final class JsonText {

  /** Plain Jackson: no default typing, and a trailing token after the document is an error, not ignored. */
  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {
  }

  static String of(JsonNode json, boolean oneLine) {
    try {
      return oneLine ? MAPPER.writeValueAsString(json) : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
    }
  }

  static String of(JsonObject json, boolean oneLine) {
    return oneLine ? json.encode() : json.encodePrettily();
  }
}
