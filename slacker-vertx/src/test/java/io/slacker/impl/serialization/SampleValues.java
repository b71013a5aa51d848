package io.slacker.impl.serialization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The values the serialization properties generate: each type with its edges mixed in, and nulls where Java allows them. */
final class SampleValues {

  private SampleValues() {
  }

  enum Color {
    RED, GREEN { @Override public String toString() { return "green"; } }, BLUE
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
      @JsonSubTypes.Type(value = Square.class, name = "square"), @JsonSubTypes.Type(value = Group.class, name = "group")})
  sealed interface Shape permits Circle, Square, Group {
  }

  record Circle(double radius) implements Shape {
  }

  record Square(long side, String label) implements Shape {
  }

  record Group(List<Shape> members, Map<String, Shape> named) implements Shape {
  }

  record Drawing(String title, List<Shape> shapes, Map<String, List<Shape>> layers, Shape focus) {
  }

  record Primitives(boolean z, byte b, short s, char c, int i, long l, float f, double d) {
  }

  record Boxes(Boolean z, Byte b, Short s, Character c, Integer i, Long l, Float f, Double d) {
  }

  record Page<T>(int number, List<T> items) {
  }

  /** Any text: every plane, control characters, empty; never a lone surrogate, which no UTF-8 can carry. */
  static Arbitrary<String> text() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
    return codePoints.list().ofMaxSize(20).map(list -> {
      StringBuilder sb = new StringBuilder();
      list.forEach(sb::appendCodePoint);
      return sb.toString();
    });
  }

  static Arbitrary<Character> chars() {
    return Arbitraries.chars().range(Character.MIN_VALUE, Character.MAX_VALUE)
        .filter(c -> !Character.isSurrogate(c));
  }

  static Arbitrary<BigDecimal> decimals() {
    return Combinators.combine(bigIntegers(), Arbitraries.integers().between(-40, 40)).as(BigDecimal::new);
  }

  static Arbitrary<BigInteger> bigIntegers() {
    return Arbitraries.bigIntegers().between(BigInteger.TWO.pow(200).negate(), BigInteger.TWO.pow(200));
  }

  static Arbitrary<Instant> instants() {
    return Combinators.combine(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
        nanos()).as(Instant::ofEpochSecond)
        .edgeCases(edges -> edges.add(Instant.MIN).add(Instant.MAX).add(Instant.EPOCH).add(Instant.ofEpochSecond(-1, 1)));
  }

  static Arbitrary<Duration> durations() {
    return Combinators.combine(Arbitraries.longs(), nanos()).as(Duration::ofSeconds)
        .edgeCases(edges -> edges.add(Duration.ZERO).add(Duration.ofSeconds(Long.MIN_VALUE))
            .add(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)).add(Duration.ofSeconds(-5, 123_456_789)));
  }

  static Arbitrary<Integer> nanos() {
    return Arbitraries.integers().between(0, 999_999_999);
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay)
        .edgeCases(edges -> edges.add(LocalDate.MIN).add(LocalDate.MAX).add(LocalDate.EPOCH));
  }

  /** Years within four digits, where every zone's rules are defined. */
  static Arbitrary<LocalDate> ordinaryDates() {
    return Arbitraries.longs().between(LocalDate.of(-9999, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  static Arbitrary<LocalTime> times() {
    return Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay()).map(LocalTime::ofNanoOfDay)
        .edgeCases(edges -> edges.add(LocalTime.MIN).add(LocalTime.MAX).add(LocalTime.NOON));
  }

  static Arbitrary<LocalDateTime> dateTimes() {
    return Combinators.combine(dates(), times()).as(LocalDateTime::of);
  }

  static Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.integers().between(ZoneOffset.MIN.getTotalSeconds(), ZoneOffset.MAX.getTotalSeconds())
        .map(ZoneOffset::ofTotalSeconds);
  }

  static Arbitrary<ZoneId> zones() {
    Arbitrary<ZoneId> regions = Arbitraries.of(new TreeSet<>(ZoneId.getAvailableZoneIds())).map(ZoneId::of);
    return Arbitraries.oneOf(regions, offsets());
  }

  /** Circles and squares, alone or in groups nested at most two deep; kept small, since generating is the cost. */
  static Arbitrary<Shape> shapes() {
    Arbitrary<Shape> leaves = Arbitraries.oneOf(Arbitraries.doubles().withStandardSpecialValues().map(Circle::new),
        Combinators.combine(Arbitraries.longs(), text().injectNull(0.1)).as(Square::new));
    Arbitrary<Shape> oneDeep = Arbitraries.oneOf(leaves, groupsOf(leaves));
    return Arbitraries.oneOf(leaves, groupsOf(oneDeep));
  }

  private static Arbitrary<Shape> groupsOf(Arbitrary<Shape> members) {
    return Combinators.combine(members.injectNull(0.05).list().ofMaxSize(2), Arbitraries.maps(text(), members).ofMaxSize(1))
        .as(Group::new);
  }

  static Arbitrary<Drawing> drawings() {
    return Combinators.combine(text().injectNull(0.1), shapes().list().ofMaxSize(3),
        Arbitraries.maps(text(), shapes().list().ofMaxSize(2)).ofMaxSize(2), shapes().injectNull(0.1)).as(Drawing::new);
  }

  static <T> Arbitrary<Set<T>> sets(Arbitrary<T> elements) {
    return elements.set().ofMaxSize(5);
  }
}
