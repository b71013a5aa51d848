package io.slacker.impl.codegen;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.impl.CodecManager;
import io.vertx.core.eventbus.impl.EventBusImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;

/**
 * The message codecs an application registered on its event bus, as vertx-service-proxy asks it
 * to for {@code ServiceException} subclasses. Vert.x has no public lookup of registered codecs,
 * so the event bus's codec table is read through its field; where that is refused (a named
 * module that does not open vertx-core, another event bus), there are no codecs, and the
 * subclass arrives as the base {@code ServiceException}.
 */
final class EventBusCodecs {

  private static final Logger LOG = LoggerFactory.getLogger(EventBusCodecs.class);
  private static final Field CODEC_MANAGER = codecManagerField();

  private EventBusCodecs() {
  }

  private static Field codecManagerField() {
    try {
      Field field = EventBusImpl.class.getDeclaredField("codecManager");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("The event bus's codecs cannot be read: ServiceException subclasses arrive as ServiceException", e);
      return null;
    }
  }

  private static CodecManager codecs(Vertx vertx) {
    if (CODEC_MANAGER == null || vertx == null || !(vertx.eventBus() instanceof EventBusImpl eventBus)) {
      return null;
    }
    try {
      return (CodecManager) CODEC_MANAGER.get(eventBus);
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  /** A value encoded by a codec the application registered, with that codec's name. */
  record Encoded(String codec, Buffer bytes) {
  }

  /** @return {@code value} encoded by the default codec the application registered for its class; {@code null} without one */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Encoded encode(Vertx vertx, Object value) {
    CodecManager codecs = codecs(vertx);
    if (codecs == null) {
      return null;
    }
    MessageCodec codec;
    try {
      codec = codecs.lookupCodec(value, null, false);
    } catch (RuntimeException e) {
      return null;
    }
    if (codec == null || codec.systemCodecID() != -1) {
      // Vert.x's own codecs (serializable objects among them) are not the application's.
      return null;
    }
    Buffer bytes = Buffer.buffer();
    codec.encodeToWire(bytes, value);
    return new Encoded(codec.name(), bytes);
  }

  /** @return the value the named codec decodes from {@code bytes}; {@code null} when no codec has that name */
  static Object decode(Vertx vertx, String codecName, Buffer bytes) {
    CodecManager codecs = codecs(vertx);
    MessageCodec<?, ?> codec = codecs == null ? null : codecs.getCodec(codecName);
    return codec == null ? null : codec.decodeFromWire(0, bytes);
  }
}
