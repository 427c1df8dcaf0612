package dev.vitals.health.fleet;

import com.hazelcast.config.Config;
import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet's values: quorum arithmetic, a status read from the bus and its bounds, the Hazelcast config built. */
class FleetValuesTest {

  @Test
  void aQuorumIsACountOrAPercentageRoundedUpAndAPercentageNeedsOneReady() {
    assertThat(Quorum.parse(2).min(5)).isEqualTo(2);
    assertThat(Quorum.parse("2").min(5)).isEqualTo(2);
    assertThat(Quorum.parse("50%").min(3)).isEqualTo(2);
    assertThat(Quorum.parse(" 100% ").min(3)).isEqualTo(3);
    assertThat(Quorum.parse("1%").min(1000)).isEqualTo(10);
    assertThat(Quorum.parse("50%").min(0)).as("an empty fleet never meets a percentage").isEqualTo(1);
    assertThat(Quorum.parse(0).min(0)).isZero();
    assertThat(Quorum.parse("50%").toJson()).isEqualTo("50%");
    assertThat(Quorum.parse(3).toJson()).isEqualTo(3);
    assertThatThrownBy(() -> Quorum.parse("0%")).hasMessage("quorum: a percentage must be 1% to 100%, got 0%");
    assertThatThrownBy(() -> Quorum.parse("most")).hasMessageStartingWith("quorum: expected a count (2) or a percentage");
    assertThatThrownBy(() -> Quorum.parse(1L << 40)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.parse(-1)).hasMessage("quorum: must not be negative, got -1");
    assertThatThrownBy(() -> Quorum.parse(2.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStatusFromTheBusIsCheckedAndBounded() {
    List<NodeStatus.Failing> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new NodeStatus.Failing("check-" + i, HealthStatus.FAIL, "x".repeat(5_000)));
    }
    NodeStatus status = new NodeStatus("n".repeat(300), "orders", "a:8080", HealthStatus.FAIL, false,
      Map.of("health", HealthStatus.FAIL), many, true, "r".repeat(2_000), Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(status.node()).hasSize(NodeStatus.MAX_NAME);
    assertThat(status.failing()).hasSize(NodeStatus.MAX_FAILING);
    assertThat(status.failingCount()).isEqualTo(40);
    assertThat(status.failing().get(0).output()).hasSize(NodeStatus.MAX_TEXT);
    assertThat(status.reason()).hasSize(NodeStatus.MAX_TEXT);

    NodeStatus read = NodeStatus.fromJson(status.toJson());
    assertThat(read.sameAs(status)).isTrue();
    assertThat(read.at()).isEqualTo(status.at());

    JsonObject valid = status.toJson();
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().put("node", " "))).hasMessage("node: must not be blank");
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().put("outcome", "fine")))
      .hasMessageStartingWith("outcome: Unknown health status 'fine'");
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().put("at", "yesterday")))
      .hasMessage("at: expected an ISO 8601 instant, got 'yesterday'");
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().put("ready", "yes")))
      .hasMessage("ready: expected Boolean, got 'yes'");
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().put("failing", new JsonArray().add(3))))
      .hasMessage("failing/0: expected an object");
    assertThatThrownBy(() -> NodeStatus.fromJson(valid.copy().putNull("outcome"))).hasMessage("outcome: missing");
  }

  @Test
  void theHazelcastConfigJoinsTheListedMembersOnLoopbackWithNothingLeavingTheMachine() {
    Config config = new HazelcastOptions().setPort(5801).setMembers(List.of("127.0.0.1:5801", "127.0.0.1:5802"))
      .toConfig();
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
      .containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);

    assertThatThrownBy(() -> new HazelcastOptions().setMembers(List.of("127.0.0.1:5701-5703")))
      .hasMessage("members/0: expected host:port, got '127.0.0.1:5701-5703'");
    assertThatThrownBy(() -> new HazelcastOptions().setHost("localhost"))
      .hasMessageStartingWith("host: expected an IP address of this machine");
    assertThatThrownBy(() -> new HazelcastOptions().setHost("192.0.2.1")).as("not an address of this machine")
      .hasMessageStartingWith("host: expected an IP address of this machine");
    assertThatThrownBy(() -> new HazelcastOptions(new JsonObject().put("configFile", "/no/such/hazelcast.xml")).toConfig())
      .hasMessageStartingWith("configFile: cannot read '/no/such/hazelcast.xml'");
  }
}
