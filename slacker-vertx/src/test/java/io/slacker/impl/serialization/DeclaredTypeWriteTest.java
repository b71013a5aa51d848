package io.slacker.impl.serialization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.SlackerException;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values are written as their declared types, so that polymorphic elements keep their type ids. */
class DeclaredTypeWriteTest {

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"), @JsonSubTypes.Type(value = Square.class, name = "square")})
  sealed interface Shape permits Circle, Square {
  }

  record Circle(double radius) implements Shape {
  }

  record Square(double side) implements Shape {
  }

  private static final TypeFactory TYPES = TypeFactory.defaultInstance();

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void polymorphicElementsOfCollectionsKeepTheirTypeIds(String format) throws IOException {
    Serializer serializer = Serializers.get().byName(format);
    JavaType list = TYPES.constructCollectionType(List.class, Shape.class);
    JavaType map = TYPES.constructMapType(Map.class, String.class, Shape.class);
    List<Shape> shapes = new ArrayList<>(List.of(new Circle(1.5), new Square(-2)));
    Map<String, Shape> byName = Map.of("c", new Circle(0));

    Buffer args = Buffer.buffer();
    serializer.writeValues(args, new Object[] {shapes, byName}, new JavaType[] {list, map});
    assertEquals(List.of(shapes, byName), List.of(serializer.readValues(args, 0, args.length(), new JavaType[] {list, map})));

    Buffer result = Buffer.buffer();
    serializer.writeValue(result, shapes, list);
    assertEquals(shapes, serializer.readValue(result, 0, result.length(), list));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void argumentsBeyondTheDeclaredOnesStillGoOutForTheServerToCount(String format) throws IOException {
    Serializer serializer = Serializers.get().byName(format);
    JavaType[] one = {TYPES.constructType(String.class)};
    Buffer args = Buffer.buffer();
    serializer.writeValues(args, new Object[] {"a", 2}, one);
    SlackerException wrongCount = assertThrows(SlackerException.class, () -> serializer.readValues(args, 0, args.length(), one));
    assertEquals("expected 1 argument but the request has 2", wrongCount.getMessage());
  }
}
