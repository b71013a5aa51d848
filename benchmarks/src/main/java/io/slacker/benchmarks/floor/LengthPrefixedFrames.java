package io.slacker.benchmarks.floor;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/** Splits a byte stream into frame bodies: 4 bytes of length, then that many bytes. */
final class LengthPrefixedFrames {

  private LengthPrefixedFrames() {
  }

  static RecordParser parser(Handler<Buffer> bodyHandler) {
    RecordParser parser = RecordParser.newFixed(4);
    parser.handler(new Handler<>() {
      private boolean readingLength = true;

      @Override
      public void handle(Buffer chunk) {
        // the parser's state moves on before the body is handed out, so a failing body handler cannot shift the framing
        if (readingLength) {
          readingLength = false;
          parser.fixedSizeMode(chunk.getInt(0));
        } else {
          readingLength = true;
          parser.fixedSizeMode(4);
          bodyHandler.handle(chunk);
        }
      }
    });
    return parser;
  }
}
