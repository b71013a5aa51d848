package io.slacker.codegen.sample;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Echoes what it gets, so that a test sees every value make the trip both ways. */
public class AllTypesServiceImpl implements AllTypesService {

  private final List<String> events = new ArrayList<>();

  @Override
  public Future<Long> sum(byte b, short s, int i, long l) {
    return Future.succeededFuture(b + s + i + l);
  }

  @Override
  public Future<Double> multiply(float f, double d) {
    return Future.succeededFuture(f * d);
  }

  @Override
  public Future<Boolean> negate(boolean value) {
    return Future.succeededFuture(!value);
  }

  @Override
  public Future<Character> nextChar(char c) {
    return Future.succeededFuture((char) (c + 1));
  }

  @Override
  public Future<Boxes> boxes(Integer i, Long l, Double d, Boolean b, Character c) {
    return Future.succeededFuture(new Boxes(i, l, d, b, c));
  }

  @Override
  public Future<String> echoString(String value) {
    return Future.succeededFuture(value);
  }

  @Override
  public Future<Color> echoColor(Color color) {
    return Future.succeededFuture(color);
  }

  @Override
  public Future<List<User>> echoUsers(List<User> users) {
    return Future.succeededFuture(users);
  }

  @Override
  public Future<Set<Color>> echoColors(Set<Color> colors) {
    return Future.succeededFuture(colors);
  }

  @Override
  public Future<Map<String, List<User>>> echoTeams(Map<String, List<User>> teams) {
    return Future.succeededFuture(teams);
  }

  @Override
  public Future<Team> echoTeam(Team team) {
    return Future.succeededFuture(team);
  }

  @Override
  public Future<Page<User>> page(int number, List<User> items) {
    return Future.succeededFuture(new Page<>(number, items));
  }

  @Override
  public Future<Profile> echoProfile(Profile profile) {
    return Future.succeededFuture(profile);
  }

  @Override
  public Future<Schedule> echoSchedule(Schedule schedule) {
    return Future.succeededFuture(schedule);
  }

  @Override
  public Future<Instant> later(Instant from, Duration by) {
    return Future.succeededFuture(from.plus(by));
  }

  @Override
  public Future<BigDecimal> total(List<BigDecimal> amounts, UUID requestId) {
    return Future.succeededFuture(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Override
  public Future<Collection<Long>> echoIds(Collection<Long> ids) {
    return Future.succeededFuture(ids);
  }

  @Override
  public Future<URI> resolve(URI base, String path, BigInteger version, UUID id) {
    return Future.succeededFuture(base.resolve(path + "?v=" + version + "&id=" + id));
  }

  @Override
  public Future<byte[]> echoBytes(byte[] bytes) {
    return Future.succeededFuture(bytes);
  }

  @Override
  public Future<JsonObject> echoJsonObject(JsonObject json) {
    return Future.succeededFuture(json);
  }

  @Override
  public Future<JsonArray> echoJsonArray(JsonArray json) {
    return Future.succeededFuture(json);
  }

  @Override
  public Future<Buffer> echoBuffer(Buffer buffer) {
    return Future.succeededFuture(buffer);
  }

  @Override
  public Future<Sku> echoSku(Sku sku) {
    return Future.succeededFuture(sku);
  }

  @Override
  public Future<List<Sku>> echoSkus(List<Sku> skus) {
    return Future.succeededFuture(skus);
  }

  @Override
  public Future<Map<String, Quantity>> echoQuantities(Map<String, Quantity> quantities) {
    return Future.succeededFuture(quantities);
  }

  @Override
  public Future<Tags> echoTags(Tags tags) {
    return Future.succeededFuture(tags);
  }

  @Override
  public Future<Flag> echoFlag(Flag flag) {
    return Future.succeededFuture(flag);
  }

  @Override
  public Future<Ledger> echoLedger(Ledger ledger) {
    return Future.succeededFuture(ledger);
  }

  @Override
  public Future<List<Ledger>> echoLedgers(List<Ledger> ledgers) {
    return Future.succeededFuture(ledgers);
  }

  @Override
  public Future<Settings> echoSettings(Settings settings) {
    return Future.succeededFuture(settings);
  }

  @Override
  public Future<List<Settings>> echoSettingsList(List<Settings> settings) {
    return Future.succeededFuture(settings);
  }

  @Override
  public Future<Set<Settings>> echoSettingsSet(Set<Settings> settings) {
    return Future.succeededFuture(settings);
  }

  @Override
  public Future<Map<String, Settings>> echoSettingsMap(Map<String, Settings> settings) {
    return Future.succeededFuture(settings);
  }

  @Override
  public void record(String event) {
    events.add(event);
  }

  @Override
  public Future<List<String>> events() {
    return Future.succeededFuture(new ArrayList<>(events));
  }

  @Override
  public Future<Void> nothing() {
    return Future.succeededFuture();
  }

  @Override
  public Future<String> describe(int number) {
    return Future.succeededFuture("int " + number);
  }

  @Override
  public Future<String> describe(String text) {
    return Future.succeededFuture("string " + text);
  }

  @Override
  public Future<String> describe(List<String> words) {
    return Future.succeededFuture("list " + words);
  }
}
