package io.slacker.web.impl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;

/** Reads a call's body: one JSON array or object, with nothing after it and no key given twice. */
final class RequestBodies {

  /** Decimals stay exact and as written (a double would round them), for the server to decode into its own types. */
  private static final ObjectMapper READER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private RequestBodies() {
  }

  /** @throws SlackerException BAD_REQUEST, saying what is wrong and where */
  static JsonNode arguments(Buffer body) {
    if (body == null || body.length() == 0) {
      throw badRequest("the body is empty: send a JSON array of the arguments ([] for none) or an object of them by parameter name");
    }
    JsonNode node;
    try {
      node = READER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw badRequest("the body is not valid JSON: " + withoutSourceReference(e.getOriginalMessage()) + where(e.getLocation()));
    } catch (IOException e) {
      throw badRequest("the body is not valid JSON: " + e.getMessage());
    }
    if (!node.isArray() && !node.isObject()) {
      throw badRequest("the body must be a JSON array of the arguments or an object of them by parameter name, got "
          + node.getNodeType().name().toLowerCase());
    }
    return node;
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static SlackerException badRequest(String message) {
    return new SlackerException(StatusCode.BAD_REQUEST, message);
  }

  /** Jackson names where an unclosed array or object started with a reference to a source it does not show. */
  private static String withoutSourceReference(String message) {
    return message.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)",
        " (opened at line $1, column $2)");
  }
}
