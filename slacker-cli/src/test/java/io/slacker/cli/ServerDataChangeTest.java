package io.slacker.cli;

import io.slacker.cluster.ServerData;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerDataChangeTest {

  @Test
  void pairsChangeACopyInOrder() {
    ServerData data = new ServerData().setZone("eu-1").setVersion("2.3").putAttribute("old", "x");
    ServerData changed = ServerDataChange.parse(List.of("weight=5", "zone=", "version=2.4", "attributes.build=42",
        "attributes.old=", "weight=7")).applyTo(data);
    assertEquals(7, changed.getWeight());
    assertNull(changed.getZone());
    assertEquals("2.4", changed.getVersion());
    assertEquals(new JsonObject().put("build", "42"), changed.getAttributes());
    assertEquals("eu-1", data.getZone(), "the original is unchanged");
  }

  @Test
  void badPairsAreUsageErrors() {
    for (String bad : new String[] {"weight", "=5", "weight=-1", "weight=10001", "weight=x", "attributes.=1", "tls=true"}) {
      CommandFailure failure = assertThrows(CommandFailure.class, () -> ServerDataChange.parse(List.of(bad)), bad);
      assertEquals(ExitCode.USAGE, failure.exitCode(), bad);
    }
  }
}
