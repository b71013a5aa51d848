package io.slacker.impl.admin;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON-Schema-like shape of the JSON a type is written as, for describe: worked out from the
 * JSON mapper's own view of the type (its property names, its enum names), so that a tool that
 * builds a value from the shape builds what the server decodes. Records and POJOs go into
 * {@code definitions} once, by class name, and are referred to with {@code $ref}, which also ends
 * the recursion of a type that contains itself.
 */
final class TypeSchemas {

  private static final Map<Class<?>, String[]> SCALARS = Map.ofEntries(
      Map.entry(Boolean.class, new String[]{"boolean", null}),
      Map.entry(Byte.class, new String[]{"integer", "int8"}),
      Map.entry(Short.class, new String[]{"integer", "int16"}),
      Map.entry(Integer.class, new String[]{"integer", "int32"}),
      Map.entry(Long.class, new String[]{"integer", "int64"}),
      Map.entry(BigInteger.class, new String[]{"integer", null}),
      Map.entry(Float.class, new String[]{"number", "float"}),
      Map.entry(Double.class, new String[]{"number", "double"}),
      Map.entry(BigDecimal.class, new String[]{"number", null}),
      Map.entry(Character.class, new String[]{"string", "char"}),
      Map.entry(String.class, new String[]{"string", null}),
      Map.entry(UUID.class, new String[]{"string", "uuid"}),
      Map.entry(LocalDate.class, new String[]{"string", "date"}),
      Map.entry(LocalTime.class, new String[]{"string", "time"}),
      Map.entry(LocalDateTime.class, new String[]{"string", "local-date-time"}),
      Map.entry(OffsetDateTime.class, new String[]{"string", "date-time"}),
      Map.entry(ZonedDateTime.class, new String[]{"string", "date-time-zone"}),
      Map.entry(Instant.class, new String[]{"string", "date-time"}),
      Map.entry(Duration.class, new String[]{"string", "duration"}),
      Map.entry(byte[].class, new String[]{"string", "base64"}),
      Map.entry(Buffer.class, new String[]{"string", "base64"}));

  private final ObjectMapper mapper;
  private final SerializationConfig config;
  private final JsonObject definitions = new JsonObject();

  TypeSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
    this.config = mapper.getSerializationConfig();
  }

  /** @return the shapes of the records and POJOs met so far, by class name */
  JsonObject definitions() {
    return definitions;
  }

  JsonObject of(JavaType type) {
    Class<?> raw = type.isPrimitive() ? boxed(type.getRawClass()) : type.getRawClass();
    String[] scalar = SCALARS.get(raw);
    if (scalar != null) {
      JsonObject shape = new JsonObject().put("type", scalar[0]);
      if (scalar[1] != null) {
        shape.put("format", scalar[1]);
      }
      return shape.put("javaType", type.toCanonical());
    }
    if (raw == Void.class) {
      return new JsonObject().put("type", "null");
    }
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      return new JsonObject().put("javaType", type.toCanonical());
    }
    if (raw == JsonObject.class) {
      return new JsonObject().put("type", "object").put("javaType", raw.getName());
    }
    if (raw == JsonArray.class) {
      return new JsonObject().put("type", "array").put("javaType", raw.getName());
    }
    if (raw.isEnum()) {
      JsonArray names = new JsonArray();
      for (Object constant : raw.getEnumConstants()) {
        names.add(mapper.convertValue(constant, String.class));
      }
      return new JsonObject().put("type", "string").put("enum", names).put("javaType", raw.getName());
    }
    if (raw == Optional.class) {
      return of(type.containedTypeOrUnknown(0)).put("nullable", true);
    }
    if (type.isArrayType() || type.isCollectionLikeType()) {
      return new JsonObject().put("type", "array").put("items", of(type.getContentType()))
          .put("javaType", type.toCanonical());
    }
    if (type.isMapLikeType()) {
      return new JsonObject().put("type", "object").put("additionalProperties", of(type.getContentType()))
          .put("javaType", type.toCanonical());
    }
    return isBean(type) ? reference(type) : new JsonObject().put("type", "string").put("javaType", type.toCanonical());
  }

  /**
   * Whether the mapper writes {@code type} as an object of its properties. What else is left by
   * now (URI, Locale, ZoneId, Period, …) Jackson writes as text.
   */
  private boolean isBean(JavaType type) {
    if (type.isAbstract()) {
      return true;
    }
    try {
      return mapper.getSerializerProviderInstance().findValueSerializer(type) instanceof BeanSerializerBase;
    } catch (JsonMappingException e) {
      return true;
    }
  }

  private JsonObject reference(JavaType type) {
    // Canonical, so that Page<User> and Page<Team> are told apart.
    String name = type.toCanonical();
    JsonObject ref = new JsonObject().put("$ref", "#/definitions/" + name);
    if (definitions.containsKey(name)) {
      return ref;
    }
    // Placed before its properties are worked out, so that a property of the same type refers back to it.
    JsonObject definition = new JsonObject();
    definitions.put(name, definition);
    AnnotatedClass annotated = config.introspectClassAnnotations(type).getClassInfo();
    JsonTypeInfo.Value typeInfo = config.getAnnotationIntrospector().findPolymorphicTypeInfo(config, annotated);
    if (typeInfo != null && typeInfo.getIdType() != JsonTypeInfo.Id.NONE) {
      JsonArray variants = new JsonArray();
      for (NamedType subtype : mapper.getSubtypeResolver().collectAndResolveSubtypesByClass(config, annotated)) {
        if (subtype.getType() != type.getRawClass() && !subtype.getType().isInterface()) {
          variants.add(reference(config.constructType(subtype.getType())).put("typeId", subtype.getName()));
        }
      }
      definition.put("oneOf", variants).put("discriminator", typeInfo.getPropertyName() != null
          ? typeInfo.getPropertyName() : typeInfo.getIdType().getDefaultPropertyName());
    }
    if (!type.isAbstract()) {
      BeanDescription bean = config.introspect(type);
      JsonObject properties = new JsonObject();
      for (BeanPropertyDefinition property : bean.findProperties()) {
        if (property.couldSerialize()) {
          properties.put(property.getName(), of(property.getPrimaryType()));
        }
      }
      definition.put("type", "object").put("properties", properties);
    }
    definition.put("javaType", name);
    return ref;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      case "char" -> Character.class;
      default -> Void.class;
    };
  }
}
