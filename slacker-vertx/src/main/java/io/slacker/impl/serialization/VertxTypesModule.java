package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Vert.x's JSON and buffer types as plain values: objects and arrays as such, buffers as
 * binary (raw bytes in Smile and CBOR, base64 in JSON).
 */
final class VertxTypesModule extends SimpleModule {

  VertxTypesModule() {
    super("slacker-vertx-types");
    addSerializer(JsonObject.class, new JsonSerializer<>() {
      @Override
      public void serialize(JsonObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(value.getMap(), gen);
      }
    });
    addSerializer(JsonArray.class, new JsonSerializer<>() {
      @Override
      public void serialize(JsonArray value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(value.getList(), gen);
      }
    });
    addSerializer(Buffer.class, new JsonSerializer<>() {
      @Override
      public void serialize(Buffer value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeBinary(value.getBytes());
      }
    });
    addDeserializer(JsonObject.class, new JsonDeserializer<>() {
      @Override
      @SuppressWarnings("unchecked")
      public JsonObject deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
        return new JsonObject((Map<String, Object>) ctx.readValue(parser, Map.class));
      }
    });
    addDeserializer(JsonArray.class, new JsonDeserializer<>() {
      @Override
      public JsonArray deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
        return new JsonArray((List<?>) ctx.readValue(parser, List.class));
      }
    });
    addDeserializer(Buffer.class, new JsonDeserializer<>() {
      @Override
      public Buffer deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
        return Buffer.buffer(parser.getBinaryValue());
      }
    });
  }
}
