package io.slacker.impl.serialization;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.slacker.impl.serialization.SampleValues.Boxes;
import io.slacker.impl.serialization.SampleValues.Color;
import io.slacker.impl.serialization.SampleValues.Drawing;
import io.slacker.impl.serialization.SampleValues.Page;
import io.slacker.impl.serialization.SampleValues.Primitives;
import io.slacker.impl.serialization.SampleValues.Shape;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.WithNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every supported type, generated with its negatives, extremes, empties and nulls, comes back
 * equal from every format, as a result and as an argument. Each property runs
 * {@code jqwik.tries.default} values (10,000 by default, see junit-platform.properties), each in
 * json, smile and cbor.
 */
class SerializationPropertiesTest {

  private static final TypeFactory TYPES = TypeFactory.defaultInstance();
  private static final List<Serializer> SERIALIZERS =
      List.of(Serializers.get().byName("json"), Serializers.get().byName("smile"), Serializers.get().byName("cbor"));

  @Property(generation = GenerationMode.RANDOMIZED)
  void primitivesAndTheirBoxes(@ForAll("primitives") Primitives values, @ForAll("boxes") Boxes boxes,
                               @ForAll @WithNull Integer boxed,
                               @ForAll @WithNull Double boxedDouble, @ForAll @WithNull Boolean flag,
                               @ForAll @WithNull Color color, @ForAll @WithNull DayOfWeek day, @ForAll @WithNull Month month)
      throws IOException {
    assertRoundTrips(values, TYPES.constructType(Primitives.class));
    assertRoundTrips(boxes, TYPES.constructType(Boxes.class));
    assertRoundTrips(values.i(), TYPES.constructType(int.class));
    assertRoundTrips(values.l(), TYPES.constructType(long.class));
    assertRoundTrips(values.d(), TYPES.constructType(double.class));
    assertRoundTrips(values.f(), TYPES.constructType(float.class));
    assertRoundTrips(values.c(), TYPES.constructType(char.class));
    assertRoundTrips(values.b(), TYPES.constructType(byte.class));
    assertRoundTrips(values.s(), TYPES.constructType(short.class));
    assertRoundTrips(boxed, TYPES.constructType(Integer.class));
    assertRoundTrips(boxedDouble, TYPES.constructType(Double.class));
    assertRoundTrips(flag, TYPES.constructType(Boolean.class));
    assertRoundTrips(color, TYPES.constructType(Color.class));
    assertRoundTrips(day, TYPES.constructType(DayOfWeek.class));
    assertRoundTrips(month, TYPES.constructType(Month.class));
  }

  @Property
  void strings(@ForAll("text") String text) throws IOException {
    assertRoundTrips(text, TYPES.constructType(String.class));
  }

  @Property
  void numbersAndIds(@ForAll("decimals") BigDecimal decimal, @ForAll("bigIntegers") BigInteger integer,
                     @ForAll("uuids") UUID uuid, @ForAll("uris") URI uri) throws IOException {
    assertRoundTrips(decimal, TYPES.constructType(BigDecimal.class));
    assertRoundTrips(integer, TYPES.constructType(BigInteger.class));
    assertRoundTrips(uuid, TYPES.constructType(UUID.class));
    assertRoundTrips(uri, TYPES.constructType(URI.class));
  }

  @Property
  void arrays(@ForAll @WithNull @Size(max = 64) byte[] bytes, @ForAll @WithNull @Size(max = 4) int @Size(max = 4) [][] grid,
              @ForAll @WithNull @Size(max = 8) long[] longs, @ForAll("strings") String[] strings) throws IOException {
    assertRoundTrips(bytes, TYPES.constructType(byte[].class));
    assertRoundTrips(grid, TYPES.constructType(int[][].class));
    assertRoundTrips(longs, TYPES.constructType(long[].class));
    assertRoundTrips(strings, TYPES.constructType(String[].class));
  }

  @Property
  void instantsAndDurations(@ForAll("instants") Instant instant, @ForAll("durations") Duration duration)
      throws IOException {
    assertRoundTrips(instant, TYPES.constructType(Instant.class));
    assertRoundTrips(duration, TYPES.constructType(Duration.class));
  }

  @Property
  void localDatesAndTimes(@ForAll("dateTimes") LocalDateTime dateTime) throws IOException {
    assertRoundTrips(dateTime, TYPES.constructType(LocalDateTime.class));
    assertRoundTrips(dateTime.toLocalDate(), TYPES.constructType(LocalDate.class));
    assertRoundTrips(dateTime.toLocalTime(), TYPES.constructType(LocalTime.class));
    assertRoundTrips(Year.of(dateTime.getYear()), TYPES.constructType(Year.class));
    assertRoundTrips(YearMonth.from(dateTime), TYPES.constructType(YearMonth.class));
    assertRoundTrips(MonthDay.from(dateTime), TYPES.constructType(MonthDay.class));
  }

  @Property
  void datesAndTimesWithZonesOrOffsets(@ForAll("dateTimes") LocalDateTime dateTime, @ForAll("offsets") ZoneOffset offset,
                                       @ForAll("zonedDateTimes") ZonedDateTime zoned, @ForAll("zones") ZoneId zone)
      throws IOException {
    assertRoundTrips(OffsetDateTime.of(dateTime, offset), TYPES.constructType(OffsetDateTime.class));
    assertRoundTrips(OffsetTime.of(dateTime.toLocalTime(), offset), TYPES.constructType(OffsetTime.class));
    assertRoundTrips(zoned, TYPES.constructType(ZonedDateTime.class));
    assertRoundTrips(offset, TYPES.constructType(ZoneOffset.class));
    assertRoundTrips(zone, TYPES.constructType(ZoneId.class));
  }

  @Property
  void periods(@ForAll int years, @ForAll int months, @ForAll int days) throws IOException {
    assertRoundTrips(Period.of(years, months, days), TYPES.constructType(Period.class));
  }

  /** Without jqwik's edge cases, whose combinations over nested records cost 20 times the round trips. */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void nestedCollectionsOfPolymorphicRecords(@ForAll("layers") List<Map<String, List<Shape>>> layers,
                                             @ForAll("shapeSets") Set<Shape> shapes, @ForAll("drawings") Drawing drawing)
      throws IOException {
    assertRoundTrips(layers, TYPES.constructCollectionType(List.class,
        TYPES.constructMapType(Map.class, TYPES.constructType(String.class),
            TYPES.constructCollectionType(List.class, Shape.class))));
    assertRoundTrips(shapes, TYPES.constructCollectionType(Set.class, Shape.class));
    assertRoundTrips(drawing, TYPES.constructType(Drawing.class));
    assertRoundTrips(new Page<>(layers.size(), List.of(drawing)),
        TYPES.constructParametricType(Page.class, Drawing.class));
  }

  @Property
  void vertxTypes(@ForAll("jsonObjects") JsonObject object, @ForAll @WithNull @Size(max = 64) byte[] bytes)
      throws IOException {
    assertRoundTrips(object, TYPES.constructType(JsonObject.class));
    assertRoundTrips(object == null ? null : new JsonArray().add(object).add(object.size()),
        TYPES.constructType(JsonArray.class));
    assertRoundTrips(bytes == null ? null : Buffer.buffer(bytes), TYPES.constructType(Buffer.class));
  }

  @Provide
  Arbitrary<Primitives> primitives() {
    Arbitrary<Double> doubles = Arbitraries.doubles().withStandardSpecialValues();
    Arbitrary<Float> floats = Arbitraries.floats().withStandardSpecialValues();
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.bytes(), Arbitraries.shorts(),
        SampleValues.chars(), Arbitraries.integers(), Arbitraries.longs(), floats, doubles).as(Primitives::new);
  }

  @Provide
  Arbitrary<Boxes> boxes() {
    return Combinators.combine(Arbitraries.of(true, false).injectNull(0.1), Arbitraries.bytes().injectNull(0.1),
        Arbitraries.shorts().injectNull(0.1), SampleValues.chars().injectNull(0.1), Arbitraries.integers().injectNull(0.1),
        Arbitraries.longs().injectNull(0.1), Arbitraries.floats().withStandardSpecialValues().injectNull(0.1),
        Arbitraries.doubles().withStandardSpecialValues().injectNull(0.1)).as(Boxes::new);
  }

  @Provide
  Arbitrary<String> text() {
    return SampleValues.text().injectNull(0.05);
  }

  @Provide
  Arbitrary<String[]> strings() {
    return SampleValues.text().injectNull(0.1).array(String[].class).ofMaxSize(5).injectNull(0.05);
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return SampleValues.decimals().injectNull(0.05);
  }

  @Provide
  Arbitrary<BigInteger> bigIntegers() {
    return SampleValues.bigIntegers().injectNull(0.05);
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new).injectNull(0.05);
  }

  @Provide
  Arbitrary<URI> uris() {
    Arbitrary<String> words = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(Arbitraries.of("http", "https", "urn", "s3"), words, SampleValues.text(),
        SampleValues.text().injectNull(0.5)).as((scheme, host, path, fragment) -> {
          try {
            return new URI(scheme, host, "/" + path, fragment);
          } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }).injectNull(0.05);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return SampleValues.instants().injectNull(0.05);
  }

  @Provide
  Arbitrary<Duration> durations() {
    return SampleValues.durations().injectNull(0.05);
  }

  @Provide
  Arbitrary<LocalDateTime> dateTimes() {
    return SampleValues.dateTimes();
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return SampleValues.offsets();
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return SampleValues.zones();
  }

  @Provide
  Arbitrary<ZonedDateTime> zonedDateTimes() {
    return Combinators.combine(SampleValues.ordinaryDates(), SampleValues.times(), SampleValues.zones())
        .as((date, time, zone) -> ZonedDateTime.of(date, time, zone));
  }

  @Provide
  Arbitrary<List<Map<String, List<Shape>>>> layers() {
    return Arbitraries.maps(SampleValues.text(), SampleValues.shapes().injectNull(0.05).list().ofMaxSize(2).injectNull(0.05))
        .ofMaxSize(2).list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<Set<Shape>> shapeSets() {
    return SampleValues.sets(SampleValues.shapes()).injectNull(0.05);
  }

  @Provide
  Arbitrary<Drawing> drawings() {
    return SampleValues.drawings();
  }

  @Provide
  Arbitrary<JsonObject> jsonObjects() {
    Arbitrary<Object> leaves = Arbitraries.oneOf(SampleValues.text(), Arbitraries.integers(), Arbitraries.of(true, false),
        Arbitraries.just(null));
    Arbitrary<Object> nested = Arbitraries.oneOf(leaves,
        leaves.list().ofMaxSize(3).map(JsonArray::new),
        Arbitraries.maps(SampleValues.text(), leaves).ofMaxSize(3).map(JsonObject::new));
    return Arbitraries.maps(SampleValues.text(), nested).ofMaxSize(5).map(JsonObject::new).injectNull(0.05);
  }

  /** Through every format, as a result and as the only argument of a request. */
  private static void assertRoundTrips(Object value, JavaType type) throws IOException {
    for (Serializer serializer : SERIALIZERS) {
      Buffer result = Buffer.buffer();
      serializer.writeValue(result, value, type);
      Object back = serializer.readValue(result, 0, result.length(), type);
      assertTrue(Objects.deepEquals(value, back), () -> serializer.name() + ": " + describe(value) + " came back as "
          + describe(back));

      Buffer args = Buffer.buffer();
      serializer.writeValues(args, new Object[] {value}, new JavaType[] {type});
      Object arg = serializer.readValues(args, 0, args.length(), new JavaType[] {type})[0];
      assertTrue(Objects.deepEquals(value, arg), () -> serializer.name() + ": argument " + describe(value)
          + " came back as " + describe(arg));
    }
  }

  private static String describe(Object value) {
    return java.util.Arrays.deepToString(new Object[] {value});
  }
}
