package dev.vitals.health.fleet;

import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.fleet.test.FrameFlood;
import dev.vitals.health.test.Await;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a process that reaches a member's event bus port announces a 2 GB frame and streams bytes; with the frame
 * limit in the member's transport the connection is closed at the length, and the members still talk, messages near
 * the bound included.
 */
class EventBusFrameLimitTest {

  private static final String LOGGER = "dev.vitals.health.fleet.EventBusFrameLimit";

  @Test
  void aFrameAnnouncing2GbIsClosedAtItsLengthAndTheClusterStillTalks() {
    List<Integer> ports = ClusterNodes.freePorts(2);
    List<String> members = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    List<Vertx> nodes = new ArrayList<>();
    try (LogCapture log = LogCapture.of(LOGGER)) {
      for (int port : ports) {
        nodes.add(Await.result(ClusterNodes.clustered(ClusterNodes.options(port, members),
          EventBusFrameLimit.transport(Transport.NIO, EventBusFrameLimit.DEFAULT_MAX_FRAME))));
      }
      Vertx victim = nodes.get(0);
      Vertx peer = nodes.get(1);
      Await.poll(() -> nodes.stream().allMatch(v -> ((VertxInternal) v).clusterManager().getNodes().size() == 2),
        all -> all, all -> "both members see each other", ClusterNodes.FORMING_MS);
      Await.result(victim.eventBus().<Buffer>consumer("limit.echo", m -> m.reply(m.body().length())).completion());
      Buffer large = Buffer.buffer(new byte[900_000]); // near the bound: still a frame of its own
      Object echoed = Await.poll(() -> Await.result(peer.eventBus().request("limit.echo", large)
          .map(m -> m.body()).otherwise(f -> f)),
        body -> body instanceof Integer, body -> "the peer's 900 KB message reaches the victim: " + body, 30_000);
      assertThat(echoed).isEqualTo(900_000);

      NodeInfo bus = ((VertxInternal) victim).clusterManager().getNodeInfo();
      FrameFlood.Result flood = FrameFlood.flood(bus.host(), bus.port(), 64L * 1024 * 1024, () -> { });
      assertThat(flood.closed()).as("the victim closed the connection").isTrue();
      assertThat(flood.written()).as("bytes the client could write before the close (socket buffers)")
        .isLessThan(64L * 1024 * 1024);

      Object again = Await.result(peer.eventBus().request("limit.echo", Buffer.buffer("after")).map(m -> m.body()));
      assertThat(again).isEqualTo(5);
      assertThat(log.messages()).hasSize(1).first().asString().contains("2000000000").contains("1048576");
    } finally {
      nodes.forEach(v -> Await.result(v.close().otherwiseEmpty()));
    }
  }
}
