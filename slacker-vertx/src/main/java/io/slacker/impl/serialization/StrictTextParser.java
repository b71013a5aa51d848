package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * A parser over a binary format that rejects a string value or field name whose bytes are not
 * strict UTF-8, before anything reads it: Jackson's Smile and CBOR parsers would replace such
 * bytes or decode them leniently. Every token passes through {@link #nextToken()}, skipped ones
 * (unknown properties) included.
 */
final class StrictTextParser extends JsonParserDelegate {

  private final PayloadBytes payload;
  private final TextTokens textTokens;

  /** @param parser a parser over {@code payload}, whose token offsets count from the start of its array */
  StrictTextParser(JsonParser parser, PayloadBytes payload, TextTokens textTokens) {
    super(parser);
    this.payload = payload;
    this.textTokens = textTokens;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
      long start = delegate.currentTokenLocation().getByteOffset();
      int invalid = start < payload.offset() || start >= payload.end() ? -1
          : textTokens.firstInvalid(payload.array(), (int) start, payload.end(), token == JsonToken.FIELD_NAME);
      if (invalid >= 0) {
        throw TextTokens.notUtf8(this, invalid - payload.offset());
      }
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken current = currentToken();
    if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = nextToken();
      if (token == null) {
        break;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }
}
