package io.slacker.cluster;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupingTest {

  private static final SocketAddress A = SocketAddress.inetSocketAddress(1, "127.0.0.1");
  private static final SocketAddress B = SocketAddress.inetSocketAddress(2, "127.0.0.1");

  private final GroupResult<String> oneFailed = new GroupResult<>("svc", List.of(
      ServerResult.success(A, "a"),
      ServerResult.failure(B, new SlackerException(StatusCode.UNAVAILABLE, "down"))));
  private final GroupResult<String> allFailed = new GroupResult<>("svc", List.of(
      ServerResult.failure(A, new SlackerException(StatusCode.DEADLINE_EXCEEDED, "slow")),
      ServerResult.failure(B, new SlackerException(StatusCode.UNAVAILABLE, "down"))));

  @Test
  void policiesDecideWhenAGroupFails() {
    assertTrue(oneFailed.failsUnder(GroupPolicy.FAIL_IF_ANY_FAILS));
    assertFalse(oneFailed.failsUnder(GroupPolicy.FAIL_IF_ALL_FAIL));
    assertTrue(allFailed.failsUnder(GroupPolicy.FAIL_IF_ALL_FAIL));
    assertFalse(allFailed.failsUnder(GroupPolicy.NEVER_FAIL));
  }

  @Test
  void resultGivesValuesAndFailuresByServer() {
    assertEquals(List.of("a"), oneFailed.values());
    assertEquals(List.of(B), List.copyOf(oneFailed.failures().keySet()));
    assertEquals("a", oneFailed.asMap().get(A).value());
    GroupCallException e = new GroupCallException(GroupPolicy.FAIL_IF_ALL_FAIL, allFailed);
    assertEquals(StatusCode.DEADLINE_EXCEEDED, e.code(), "the code of the first failure");
    assertTrue(e.getMessage().contains("2 of 2 servers of 'svc' failed"), e.getMessage());
  }

  @Test
  void groupingsRoundTripThroughJson() {
    Grouping list = Grouping.servers(List.of(A, B)).withPolicy(GroupPolicy.NEVER_FAIL);
    Grouping back = Grouping.fromJson(list.toJson());
    assertEquals(Grouping.Kind.LIST, back.kind());
    assertEquals(List.of(A, B), back.servers());
    assertEquals(GroupPolicy.NEVER_FAIL, back.policy());
    assertEquals(Grouping.leader().toJson(), Grouping.fromJson(new JsonObject().put("kind", "LEADER")).toJson());
  }

  @Test
  void singleServerGroupingsRejectGroupSettings() {
    assertThrows(IllegalArgumentException.class, () -> Grouping.one().withPolicy(GroupPolicy.NEVER_FAIL));
    assertThrows(IllegalArgumentException.class, () -> Grouping.leader().withMerge(r -> r));
    assertThrows(IllegalArgumentException.class, () -> Grouping.servers(List.of()));
  }
}
