package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.admin.MethodDescription;
import io.slacker.admin.ParameterDescription;
import io.slacker.admin.ServerDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Describe of {@link AllTypesService} lists every method with the parameter names the generator
 * recorded and the shapes of their types; then every method is called by name with arguments
 * built from nothing but that description, and each answer has the described shape.
 */
class DescribeAllTypesTest {

  @RegisterExtension
  final BlockedThreadGuard guard = new BlockedThreadGuard();

  private static Vertx vertx;
  private static SlackerServer server;
  private static SlackerClient client;
  private static SocketAddress address;

  @BeforeAll
  static void start() throws Exception {
    vertx = TestVertx.create();
    server = SlackerServer.create(vertx, new SlackerServerOptions().setHost("127.0.0.1").setPort(0))
        .register(AllTypesService.class, new AllTypesServiceImpl());
    server.listen().await(10, TimeUnit.SECONDS);
    address = SocketAddress.inetSocketAddress(server.actualPort(), "127.0.0.1");
    client = SlackerClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    server.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static ServiceDescription described() throws Exception {
    ServerDescription description = SlackerAdmin.create(client).describe(address).await(10, TimeUnit.SECONDS);
    ServiceDescription service = description.service(AllTypesService.class.getName());
    assertNotNull(service, "describe lists the service: " + description);
    return service;
  }

  @Test
  void everyMethodIsListedWithItsParameterNamesAndTypes() throws Exception {
    ServiceDescription service = described();
    Method[] declared = AllTypesService.class.getDeclaredMethods();
    assertEquals(declared.length, service.getMethods().size(), "one description per method");
    for (Method method : declared) {
      long matching = service.getMethods().stream()
          .filter(m -> m.getName().equals(method.getName()) && m.getParameters().size() == method.getParameterCount())
          .count();
      assertTrue(matching >= 1, method + " is described");
    }
    for (MethodDescription method : service.getMethods()) {
      for (ParameterDescription parameter : method.getParameters()) {
        assertFalse(parameter.getName().matches("arg\\d+"), method.getSignature() + " has its source names");
        assertNotNull(parameter.getType(), method.getSignature() + " describes " + parameter.getName());
      }
    }
    MethodDescription sum = service.method("sum");
    assertEquals(List.of("b", "s", "i", "l"), sum.getParameters().stream().map(ParameterDescription::getName).toList());
    assertEquals(new JsonObject().put("type", "integer").put("format", "int8").put("javaType", "byte"),
        sum.getParameters().get(0).getType());
    assertEquals("integer", sum.getResult().getString("type"));
    assertEquals("Adds one number of each integral width.", sum.getDoc());
    assertEquals("Answers value unchanged, including its non-ASCII text", service.method("echoString").getDoc());
    assertEquals("Returns the product of f and d, as a double", service.method("multiply").getDoc(),
        "a comment of block tags alone reads from its @return");
    assertNull(service.method("negate").getDoc());
    assertTrue(service.method("record").isOneWay());
    assertNull(service.method("record").getResult());
    assertEquals("One-way: no response; events() shows what arrived.", service.method("record").getDoc());
    JsonObject users = service.method("echoUsers").getParameters().get(0).getType();
    assertEquals("array", users.getString("type"));
    String userRef = users.getJsonObject("items").getString("$ref");
    JsonObject user = service.getDefinitions().getJsonObject(userRef.substring("#/definitions/".length()));
    assertEquals("object", user.getString("type"), "User is defined: " + service.getDefinitions());
    assertFalse(user.getJsonObject("properties").isEmpty());
    JsonObject color = service.method("echoColor").getResult();
    assertEquals("string", color.getString("type"));
    assertFalse(color.getJsonArray("enum").isEmpty());
  }

  @Test
  void everyMethodAnswersACallBuiltFromItsDescriptionAlone() throws Exception {
    ServiceDescription service = described();
    List<String> failures = new ArrayList<>();
    for (MethodDescription method : service.getMethods()) {
      List<Object> args = new ArrayList<>();
      for (ParameterDescription parameter : method.getParameters()) {
        args.add(SampleValues.of(parameter.getType(), service.getDefinitions(), 0));
      }
      try {
        Object result = client.call(address, service.getName(), method.getName(), args, Object.class,
            new CallOptions().setSerialization("json")).await(10, TimeUnit.SECONDS);
        if (!method.isOneWay()) {
          SampleValues.check(method.getResult(), service.getDefinitions(), result, method.getSignature());
        }
      } catch (Exception | AssertionError e) {
        failures.add(method.getSignature() + " with " + new JsonArray(args).encode() + ": " + e);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + service.getMethods().size() + " methods failed:\n" + String.join("\n", failures));
    }
  }

  /** Values a tool would build from a shape, and the check that an answer has the shape. */
  static final class SampleValues {

    private SampleValues() {
    }

    static Object of(JsonObject shape, JsonObject definitions, int depth) {
      if (shape.containsKey("$ref")) {
        JsonObject definition = definitions.getJsonObject(shape.getString("$ref").substring("#/definitions/".length()));
        if (depth > 3) {
          return null;
        }
        if (definition.containsKey("oneOf")) {
          JsonObject variant = definition.getJsonArray("oneOf").getJsonObject(0);
          Map<String, Object> value = new JsonObject().put(definition.getString("discriminator"), variant.getString("typeId")).getMap();
          value.putAll(((JsonObject) of(variant, definitions, depth + 1)).getMap());
          return new JsonObject(value);
        }
        JsonObject value = new JsonObject();
        definition.getJsonObject("properties").forEach(p -> value.put(p.getKey(), of((JsonObject) p.getValue(), definitions, depth + 1)));
        return value;
      }
      String type = shape.getString("type");
      String format = shape.getString("format");
      if (shape.containsKey("enum")) {
        return shape.getJsonArray("enum").getValue(0);
      }
      if (type == null) {
        return "anything";
      }
      return switch (type) {
        case "boolean" -> true;
        case "integer" -> 7;
        case "number" -> 1.5;
        case "array" -> shape.containsKey("items") ? new JsonArray().add(of(shape.getJsonObject("items"), definitions, depth + 1)) : new JsonArray().add(1);
        case "object" -> shape.containsKey("additionalProperties")
            ? new JsonObject().put("k", of(shape.getJsonObject("additionalProperties"), definitions, depth + 1))
            : new JsonObject().put("a", 1);
        case "null" -> null;
        default -> format == null ? "text" : switch (format) {
          case "char" -> "c";
          case "uuid" -> "6f1c1f36-93b5-4d8e-8f83-3c9f3f3f4a10";
          case "date" -> "2026-11-30";
          case "time" -> "12:34:56";
          case "local-date-time" -> "2026-11-30T12:34:56";
          case "date-time" -> "2026-11-30T12:34:56Z";
          case "date-time-zone" -> "2026-11-30T12:34:56+01:00[Europe/Paris]";
          case "duration" -> "PT1S";
          case "base64" -> "AQID";
          default -> "text";
        };
      };
    }

    static void check(JsonObject shape, JsonObject definitions, Object value, String where) {
      if (value == null) {
        return;
      }
      if (shape.containsKey("$ref")) {
        assertInstanceOf(Map.class, value, where + " answers an object");
        return;
      }
      String type = shape.getString("type");
      if (type == null) {
        return;
      }
      switch (type) {
        case "boolean" -> assertInstanceOf(Boolean.class, value, where);
        case "integer", "number" -> assertInstanceOf(Number.class, value, where);
        case "string" -> assertInstanceOf(String.class, value, where);
        case "array" -> assertInstanceOf(List.class, value, where);
        case "object" -> assertInstanceOf(Map.class, value, where);
        case "null" -> fail(where + " answers " + value + " for Void");
        default -> fail(where + " has an unknown shape " + shape);
      }
    }
  }
}
