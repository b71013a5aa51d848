package io.slacker.codegen.sample;

import io.slacker.CallOptions;
import io.slacker.SlackerClient;
import io.slacker.SlackerServer;
import io.slacker.SlackerServerOptions;
import io.slacker.test.BlockedThreadGuard;
import io.slacker.test.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every method of {@link AllTypesService} through its generated proxy and invoker, found through
 * the generated service index, against a real server, in every serialization.
 */
class AllTypesRoundTripTest {

  private static final int ONE_MIB = 1024 * 1024;

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

  private static AllTypesService proxy(String serialization) {
    return client.proxy(AllTypesService.class, new CallOptions().setServer(address).setSerialization(serialization));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void primitivesAndBoxes(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    assertEquals(1L + 2 + 3 + 4_000_000_000L, await(service.sum((byte) 1, (short) 2, 3, 4_000_000_000L)));
    assertEquals(3.0, await(service.multiply(1.5f, 2.0)));
    assertEquals(false, await(service.negate(true)));
    assertEquals('b', await(service.nextChar('a')));
    assertEquals('ê', await(service.nextChar('é')));
    assertEquals(new Boxes(1, 2L, 3.5, true, 'x'), await(service.boxes(1, 2L, 3.5, true, 'x')));
    assertEquals(new Boxes(null, null, null, null, null), await(service.boxes(null, null, null, null, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void dataObjectsOfEveryJsonForm(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    assertEquals(new Sku("SKU-42"), await(service.echoSku(new Sku("SKU-42"))));
    assertNull(await(service.echoSku(null)));
    List<Sku> skus = java.util.Arrays.asList(new Sku("a"), null, new Sku("b"));
    assertEquals(skus, await(service.echoSkus(skus)));
    Map<String, Quantity> quantities = new HashMap<>();
    quantities.put("apples", new Quantity(3));
    quantities.put("none", null);
    assertEquals(quantities, await(service.echoQuantities(quantities)));
    assertEquals(new Tags(List.of("red", "ripe")), await(service.echoTags(new Tags(List.of("red", "ripe")))));
    assertEquals(new Flag(true), await(service.echoFlag(new Flag(true))));
    assertEquals(new Flag(false), await(service.echoFlag(new Flag(false))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void dataObjectsReadByTheirJsonGenConverter(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    Ledger ledger = new Ledger().setOwner("ann").setBalance(Long.MAX_VALUE);
    assertEquals(ledger, await(service.echoLedger(ledger)));
    assertEquals(new Ledger(), await(service.echoLedger(new Ledger())));
    assertNull(await(service.echoLedger(null)));
    List<Ledger> ledgers = java.util.Arrays.asList(ledger, null, new Ledger().setOwner("bob"));
    assertEquals(ledgers, await(service.echoLedgers(ledgers)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void stringsAndEnums(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    String nonAscii = "héllo wörld ✓ 日本語 😀";
    assertEquals(nonAscii, await(service.echoString(nonAscii)));
    assertEquals("", await(service.echoString("")));
    assertNull(await(service.echoString(null)));
    String large = randomText(ONE_MIB);
    assertEquals(large, await(service.echoString(large)));
    assertEquals(Color.GREEN, await(service.echoColor(Color.GREEN)));
    assertNull(await(service.echoColor(null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void collectionsWithGenericElements(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    List<User> users = List.of(new User(1, "Ada", List.of("admin", "ops")), new User(2, "Łukasz", List.of()));
    assertEquals(users, await(service.echoUsers(users)));
    assertEquals(List.of(), await(service.echoUsers(List.of())));
    assertNull(await(service.echoUsers(null)));
    assertEquals(Set.of(Color.RED, Color.BLUE), await(service.echoColors(Set.of(Color.RED, Color.BLUE))));
    assertEquals(Set.of(), await(service.echoColors(Set.of())));
    Map<String, List<User>> teams = Map.of("core", users, "empty", List.of());
    assertEquals(teams, await(service.echoTeams(teams)));
    assertEquals(Map.of(), await(service.echoTeams(Map.of())));
    Page<User> page = await(service.page(3, users));
    assertEquals(new Page<>(3, users), page);
    // Decoded into the declared element type, not a map.
    assertEquals(User.class, page.items().get(0).getClass());
    assertEquals(new BigDecimal("3.30"), await(service.total(List.of(new BigDecimal("1.10"), new BigDecimal("2.20")), UUID.randomUUID())));
    assertEquals(List.of(3L, 1L, 2L), await(service.echoIds(List.of(3L, 1L, 2L))));
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertEquals(URI.create("https://example.org/api/users?v=18446744073709551616&id=" + id),
        await(service.resolve(URI.create("https://example.org/api/"), "users", BigInteger.TWO.pow(64), id)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void recordsPojosAndTime(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    Team team = new Team("platform", new User(1, "Ada", List.of("lead")),
        List.of(new User(2, "Grace", null), new User(3, "Linus", List.of())), Map.of("q1", 7, "q2", 9), Color.BLUE);
    assertEquals(team, await(service.echoTeam(team)));
    Team sparse = new Team(null, null, List.of(), Map.of(), null);
    assertEquals(sparse, await(service.echoTeam(sparse)));
    Profile profile = new Profile("ada", 42, Map.of("home", "https://example.org/ä"));
    assertEquals(profile, await(service.echoProfile(profile)));
    assertEquals(new Profile(null, 0, null), await(service.echoProfile(new Profile())));
    // The runtime's Jackson normalizes zoned times to UTC, so only a UTC time comes back equal.
    Schedule schedule = new Schedule(LocalDate.of(2026, 11, 26), LocalTime.of(18, 55, 1, 5_000),
        ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")), Instant.parse("2026-11-26T16:00:00.123456Z"),
        Duration.ofMillis(1500));
    assertEquals(schedule, await(service.echoSchedule(schedule)));
    assertEquals(Instant.parse("2026-11-26T16:01:00Z"),
        await(service.later(Instant.parse("2026-11-26T16:00:00Z"), Duration.ofMinutes(1))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void binaryAndVertxJson(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    byte[] bytes = randomBytes(ONE_MIB);
    assertArrayEquals(bytes, await(service.echoBytes(bytes)));
    assertArrayEquals(new byte[0], await(service.echoBytes(new byte[0])));
    Buffer buffer = Buffer.buffer(randomBytes(ONE_MIB));
    assertEquals(buffer, await(service.echoBuffer(buffer)));
    assertNull(await(service.echoBuffer(null)));
    JsonObject json = new JsonObject().put("name", "Zoë").put("n", 3).put("none", null)
        .put("nested", new JsonObject().put("list", new JsonArray().add(1).add("two").add(new JsonObject())));
    assertEquals(json, await(service.echoJsonObject(json)));
    assertEquals(new JsonObject(), await(service.echoJsonObject(new JsonObject())));
    JsonArray array = new JsonArray().add("a").addNull().add(new JsonArray().add(true));
    assertEquals(array, await(service.echoJsonArray(array)));
    assertNull(await(service.echoJsonArray(null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void dataObjects(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    Settings dark = new Settings("dark", 14);
    Settings light = new Settings("light", 12);
    assertEquals(dark, await(service.echoSettings(dark)));
    assertNull(await(service.echoSettings(null)));
    List<Settings> list = Arrays.asList(dark, null, light);
    assertEquals(list, await(service.echoSettingsList(list)));
    assertEquals(List.of(), await(service.echoSettingsList(List.of())));
    Set<Settings> set = new LinkedHashSet<>(List.of(dark, light));
    assertEquals(set, await(service.echoSettingsSet(set)));
    Map<String, Settings> map = new HashMap<>();
    map.put("dark", dark);
    map.put("unset", null);
    assertEquals(map, await(service.echoSettingsMap(map)));
    assertNull(await(service.echoSettingsMap(null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "smile", "cbor"})
  void voidAndOverloads(String serialization) throws Exception {
    AllTypesService service = proxy(serialization);
    assertNull(await(service.nothing()));
    String event = "event-" + serialization;
    service.record(event);
    // One-way: nothing tells the caller it arrived, so look.
    boolean arrived = false;
    for (int i = 0; i < 100 && !arrived; i++) {
      arrived = await(service.events()).contains(event);
      if (!arrived) {
        Thread.sleep(20);
      }
    }
    assertTrue(arrived, "the one-way call never arrived");
    assertEquals("int 7", await(service.describe(7)));
    assertEquals("string seven", await(service.describe("seven")));
    assertEquals("list [se, ven]", await(service.describe(List.of("se", "ven"))));
  }

  private static String randomText(int length) {
    Random random = new Random(length);
    String alphabet = "abcdefghijklmnopqrstuvwxyzäöüß日本✓ ";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
