package io.slacker.codegen.sample;

import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One method per kind of type a Slacker service may use. */
@SlackerService
public interface AllTypesService {

  /**
   * Adds one number of each integral width. The sum is a {@code long}, so nothing overflows.
   *
   * @param b a byte
   */
  Future<Long> sum(byte b, short s, int i, long l);

  /** @return the product of {@code f} and {@code d}, as a double
   */
  Future<Double> multiply(float f, double d);

  Future<Boolean> negate(boolean value);

  Future<Character> nextChar(char c);

  Future<Boxes> boxes(Integer i, Long l, Double d, Boolean b, Character c);

  /** Answers {@code value} unchanged, <em>including</em> its non-ASCII text */
  Future<String> echoString(String value);

  Future<Color> echoColor(Color color);

  Future<List<User>> echoUsers(List<User> users);

  Future<Set<Color>> echoColors(Set<Color> colors);

  Future<Map<String, List<User>>> echoTeams(Map<String, List<User>> teams);

  Future<Team> echoTeam(Team team);

  Future<Page<User>> page(int number, List<User> items);

  Future<Profile> echoProfile(Profile profile);

  Future<Schedule> echoSchedule(Schedule schedule);

  Future<Instant> later(Instant from, Duration by);

  Future<BigDecimal> total(List<BigDecimal> amounts, UUID requestId);

  Future<Collection<Long>> echoIds(Collection<Long> ids);

  Future<URI> resolve(URI base, String path, BigInteger version, UUID id);

  Future<byte[]> echoBytes(byte[] bytes);

  Future<JsonObject> echoJsonObject(JsonObject json);

  Future<JsonArray> echoJsonArray(JsonArray json);

  Future<Buffer> echoBuffer(Buffer buffer);

  Future<Settings> echoSettings(Settings settings);

  Future<Sku> echoSku(Sku sku);

  Future<List<Sku>> echoSkus(List<Sku> skus);

  Future<Map<String, Quantity>> echoQuantities(Map<String, Quantity> quantities);

  Future<Tags> echoTags(Tags tags);

  Future<Flag> echoFlag(Flag flag);

  Future<Ledger> echoLedger(Ledger ledger);

  Future<List<Ledger>> echoLedgers(List<Ledger> ledgers);

  Future<List<Settings>> echoSettingsList(List<Settings> settings);

  Future<Set<Settings>> echoSettingsSet(Set<Settings> settings);

  Future<Map<String, Settings>> echoSettingsMap(Map<String, Settings> settings);

  /** One-way: no response; {@link #events()} shows what arrived. */
  void record(String event);

  Future<List<String>> events();

  Future<Void> nothing();

  Future<String> describe(int number);

  Future<String> describe(String text);

  Future<String> describe(List<String> words);
}
