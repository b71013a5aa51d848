package io.slacker.benchmarks.micro;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;
import io.slacker.benchmarks.slacker.SlackerUserServiceSlackerBinding;
import io.slacker.benchmarks.workload.Users;
import io.slacker.impl.serialization.Serializers;
import io.slacker.spi.Serializer;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of decoding the workload's largest answer (a page of 15 users, Smile) goes, in
 * nanoseconds per page, in one thread:
 * <ul>
 *   <li>{@code slacker}: Slacker's serializer (Jackson databind with Blackbird, strict UTF-8);</li>
 *   <li>{@code plain}: the same databind without the UTF-8 check;</li>
 *   <li>{@code streaming}: the decoder a code generator would write on Jackson's streaming API (a
 *   switch on field names, setters called directly), also without the check;</li>
 *   <li>{@code dates-as-numbers}: plain databind over a payload whose dates are one number each
 *   (epoch day, epoch nanoseconds) instead of arrays of fields.</li>
 * </ul>
 * Each decoder runs in a JVM of its own when one is named, so that none slows the others down
 * through call sites Jackson's code shares between them. Usage:
 * {@code PageDecodeCost [rounds [slacker|plain|streaming|dates-as-numbers]]}, by default 6 rounds of all four.
 */
public final class PageDecodeCost {

  private static final int DECODES_PER_ROUND = 100_000;
  private static final SmileFactory SMILE = new SmileFactory();
  private static final ObjectMapper PLAIN = new ObjectMapper(new SmileFactory())
      .registerModule(new JavaTimeModule()).registerModule(new BlackbirdModule())
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final ObjectMapper DATES_AS_NUMBERS = new ObjectMapper(new SmileFactory())
      .registerModule(new JavaTimeModule()).registerModule(new BlackbirdModule()).registerModule(datesAsNumbers());

  private PageDecodeCost() {
  }

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    String only = args.length > 1 ? args[1] : null;
    Serializer serializer = Serializers.get().byName("smile");
    var type = SlackerUserServiceSlackerBinding.LIST_USER.returnType();
    Buffer encoded = Buffer.buffer();
    serializer.writeValue(encoded, Users.page(7), type);
    byte[] bytes = encoded.getBytes();
    if (!streamed(bytes).equals(Users.page(7)) || !serializer.readValue(encoded, 0, bytes.length, type).equals(Users.page(7))) {
      throw new AssertionError("the streaming decoder does not read what the serializer wrote");
    }
    ObjectReader plain = PLAIN.readerFor(Page.class);
    ObjectReader numbers = DATES_AS_NUMBERS.readerFor(Page.class);
    byte[] numberBytes = DATES_AS_NUMBERS.writeValueAsBytes(Users.page(7));
    if (!plain.readValue(bytes).equals(Users.page(7)) || !numbers.readValue(numberBytes).equals(Users.page(7))) {
      throw new AssertionError("a databind reader does not read what was written");
    }
    System.out.printf("a page of %d bytes (%d with dates as numbers); the first round is warm-up%n",
        bytes.length, numberBytes.length);
    Map<String, Decoder> decoders = new LinkedHashMap<>();
    decoders.put("slacker", () -> serializer.readValue(encoded, 0, bytes.length, type));
    decoders.put("plain", () -> plain.readValue(bytes));
    decoders.put("streaming", () -> streamed(bytes));
    decoders.put("dates-as-numbers", () -> numbers.readValue(numberBytes));
    if (only != null) {
      decoders.keySet().retainAll(List.of(only));
    }
    for (int round = 0; round <= rounds; round++) {
      StringBuilder line = new StringBuilder(round == 0 ? "warm-up:" : "round " + round + ":");
      for (Map.Entry<String, Decoder> decoder : decoders.entrySet()) {
        long start = System.nanoTime();
        for (int i = 0; i < DECODES_PER_ROUND; i++) {
          decoder.getValue().decode();
        }
        line.append(String.format(" %s %,.0f", decoder.getKey(), perPage(start, System.nanoTime())));
      }
      System.out.println(line.append(" ns per page"));
    }
  }

  @FunctionalInterface
  private interface Decoder {
    Object decode() throws IOException;
  }

  private static double perPage(long from, long to) {
    return (to - from) / (double) DECODES_PER_ROUND;
  }

  /** {@code LocalDate} as its epoch day, {@code LocalDateTime} as nanoseconds since the epoch in UTC: one token each. */
  private static SimpleModule datesAsNumbers() {
    SimpleModule module = new SimpleModule();
    module.addSerializer(LocalDate.class, new JsonSerializer<>() {
      @Override
      public void serialize(LocalDate value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(value.toEpochDay());
      }
    });
    module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
      @Override
      public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return LocalDate.ofEpochDay(parser.getLongValue());
      }
    });
    module.addSerializer(LocalDateTime.class, new JsonSerializer<>() {
      @Override
      public void serialize(LocalDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(value.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + value.getNano());
      }
    });
    module.addDeserializer(LocalDateTime.class, new JsonDeserializer<>() {
      @Override
      public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        long nanos = parser.getLongValue();
        return LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L),
            ZoneOffset.UTC);
      }
    });
    return module;
  }

  private static Page streamed(byte[] bytes) throws IOException {
    try (JsonParser parser = SMILE.createParser(bytes)) {
      parser.nextToken();
      Page page = new Page();
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        switch (name) {
          case "pageNo" -> page.setPageNo(parser.getIntValue());
          case "total" -> page.setTotal(parser.getIntValue());
          case "users" -> {
            List<User> users = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              users.add(user(parser));
            }
            page.setUsers(users);
          }
          default -> parser.skipChildren();
        }
      }
      return page;
    }
  }

  private static User user(JsonParser parser) throws IOException {
    User user = new User();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (name) {
        case "id" -> user.setId(parser.getLongValue());
        case "name" -> user.setName(parser.getText());
        case "sex" -> user.setSex(parser.getIntValue());
        case "birthday" -> {
          int[] fields = ints(parser, 3);
          user.setBirthday(LocalDate.of(fields[0], fields[1], fields[2]));
        }
        case "email" -> user.setEmail(parser.getText());
        case "mobile" -> user.setMobile(parser.getText());
        case "address" -> user.setAddress(parser.getText());
        case "icon" -> user.setIcon(parser.getText());
        case "permissions" -> {
          List<Integer> permissions = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            permissions.add(parser.getIntValue());
          }
          user.setPermissions(permissions);
        }
        case "status" -> user.setStatus(parser.getIntValue());
        case "createTime" -> user.setCreateTime(dateTime(parser));
        case "updateTime" -> user.setUpdateTime(dateTime(parser));
        default -> parser.skipChildren();
      }
    }
    return user;
  }

  /** The numeric form of a {@code LocalDateTime}: an array of its fields, seconds and nanoseconds left out when 0. */
  private static LocalDateTime dateTime(JsonParser parser) throws IOException {
    int[] fields = ints(parser, 7);
    return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
  }

  private static int[] ints(JsonParser parser, int most) throws IOException {
    int[] fields = new int[most];
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      fields[i] = parser.getIntValue();
    }
    return fields;
  }
}
