package io.slacker.compat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/** How {@link QuotaExceededException} travels, registered as the event bus's default codec for it. */
public class QuotaExceededCodec implements MessageCodec<QuotaExceededException, QuotaExceededException> {

  @Override
  public void encodeToWire(Buffer buffer, QuotaExceededException e) {
    JsonObject json = new JsonObject().put("limit", e.limit()).put("message", e.getMessage()).put("debugInfo", e.getDebugInfo());
    Buffer encoded = json.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  @Override
  public QuotaExceededException decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    JsonObject json = new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
    return new QuotaExceededException(json.getInteger("limit"), json.getString("message"), json.getJsonObject("debugInfo"));
  }

  @Override
  public QuotaExceededException transform(QuotaExceededException e) {
    return e;
  }

  @Override
  public String name() {
    return "quota-exceeded";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
