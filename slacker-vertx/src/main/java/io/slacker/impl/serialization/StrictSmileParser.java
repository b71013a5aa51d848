package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.dataformat.smile.SmileParser;

import java.io.IOException;

/**
 * A Smile parser that refuses a string value or field name whose bytes are not strict UTF-8 as
 * the token is reached, before anything reads it: Jackson's own would decode such bytes
 * leniently. Checked inside the parser, where the token's offset is a field, this costs a
 * fraction of what a wrapping parser did, which paid a location object and a delegation for
 * every token.
 *
 * <p>Every way of advancing checks the token it reaches: {@link #nextToken()}, and Smile's
 * shortcut for field names, which databind takes for every property; Smile's other shortcuts
 * are replaced by the generic forms, which go through {@link #nextToken()}.
 */
final class StrictSmileParser extends SmileParser {

  private final int payloadStart;
  /** The offset of the last token whose text was checked. */
  private int checkedToken = -1;

  StrictSmileParser(IOContext context, int parserFeatures, int smileFeatures, ObjectCodec codec,
                    ByteQuadsCanonicalizer names, byte[] data, int start, int end) {
    super(context, parserFeatures, smileFeatures, codec, names, null, data, start, end, false);
    this.payloadStart = start;
  }

  /** Reads the 4-byte header, which the caller found starts the payload. */
  void readHeader() throws IOException {
    handleSignature(true, true);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = super.nextToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
      checkText(token == JsonToken.FIELD_NAME);
    }
    return token;
  }

  /** Smile's own shortcut, which databind takes for every property, checked the same way. */
  @Override
  public String nextFieldName() throws IOException {
    String name = super.nextFieldName();
    if (name != null) {
      checkText(true);
    }
    return name;
  }

  @Override
  public boolean nextFieldName(SerializableString name) throws IOException {
    return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
  }

  @Override
  public String nextTextValue() throws IOException {
    return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
  }

  @Override
  public int nextIntValue(int defaultValue) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
  }

  @Override
  public long nextLongValue(long defaultValue) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
  }

  @Override
  public Boolean nextBooleanValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
  }

  /** Checks the current token's text once: a shortcut may have passed through {@link #nextToken()} already. */
  private void checkText(boolean fieldName) throws JsonParseException {
    if (_tokenOffsetForTotal == checkedToken) {
      return;
    }
    checkedToken = _tokenOffsetForTotal;
    int invalid = TextTokens.SMILE.firstInvalid(_inputBuffer, _tokenOffsetForTotal, _inputEnd, fieldName);
    if (invalid >= 0) {
      throw TextTokens.notUtf8(this, invalid - payloadStart);
    }
  }
}
