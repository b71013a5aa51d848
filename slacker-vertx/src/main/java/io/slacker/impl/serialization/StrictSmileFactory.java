package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.smile.SmileConstants;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactoryBuilder;
import com.fasterxml.jackson.dataformat.smile.SmileParser;

import java.io.IOException;

/**
 * A Smile factory whose parsers over byte arrays refuse text that is not strict UTF-8
 * ({@link StrictSmileParser}). Payloads are always parsed from arrays; other sources get
 * Jackson's own parser.
 */
final class StrictSmileFactory extends SmileFactory {

  private static final long serialVersionUID = 1L;

  StrictSmileFactory(SmileFactoryBuilder builder) {
    super(builder.enable(SmileParser.Feature.REQUIRE_HEADER));
  }

  private StrictSmileFactory(StrictSmileFactory source, ObjectCodec codec) {
    super(source, codec);
  }

  @Override
  public SmileFactory copy() {
    _checkInvalidCopy(StrictSmileFactory.class);
    return new StrictSmileFactory(this, null);
  }

  @Override
  protected SmileParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
    if (len == 0 || data[offset] != SmileConstants.HEADER_BYTE_1) {
      // No header: Jackson's own bootstrap refuses it (REQUIRE_HEADER), or it is empty and holds no text.
      return super._createParser(data, offset, len, context);
    }
    StrictSmileParser parser = new StrictSmileParser(context, _parserFeatures, _smileParserFeatures, _objectCodec,
        _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures), data, offset, offset + len);
    parser.readHeader();
    return parser;
  }
}
