package dev.vitals.samples;

import dev.vitals.health.checks.test.TestCertificates;
import dev.vitals.health.fleet.EventBusFrameLimit;
import dev.vitals.health.fleet.HazelcastOptions;
import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet.cluster.keyPath}, {@code certPath}, {@code trustPath}: the clustered event bus over mutual TLS. Two
 * members with the fleet's certificate reach each other; a third that joined the same Hazelcast cluster without one
 * (as a same-host process can) reaches neither. The members have the event bus frame limit, as the standalone does.
 */
class FleetEventBusTlsTest {

  @Test
  void onlyAMemberWithTheFleetsCertificateReachesTheEventBus(@TempDir Path dir) throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "fleet");
    List<Integer> ports = ClusterNodes.freePorts(3);
    List<String> members = ports.stream().map(port -> "127.0.0.1:" + port).toList();
    List<Vertx> started = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        HazelcastOptions options = ClusterNodes.options(ports.get(i), members);
        if (i < 2) {
          options.setKeyPath(certificate.keyPath().toString()).setCertPath(certificate.certPath().toString())
            .setTrustPath(certificate.certPath().toString());
        }
        // With the frame limit the standalone has: over TLS it reads the frames behind the TLS handler.
        started.add(Await.result(ClusterNodes.clustered(options,
          EventBusFrameLimit.transport(Transport.NIO, EventBusFrameLimit.DEFAULT_MAX_FRAME))));
      }
      Vertx member = started.get(0);
      Vertx peer = started.get(1);
      Vertx rogue = started.get(2);
      Await.result(member.eventBus().consumer("tls.probe", message -> message.reply("pong")).completion());
      DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(2_000);

      // Requests may get NO_HANDLERS for a few seconds after membership forms: the peer retries until it is heard.
      Await.until(() -> "pong".equals(Await.result(peer.eventBus().request("tls.probe", "ping", delivery)
        .map(Message::body).otherwise("no answer"))), () -> "the peer with the certificate reaches the member");
      assertThat(Await.failure(rogue.eventBus().request("tls.probe", "ping", delivery))).isNotNull();
    } finally {
      started.forEach(vertx -> Await.result(vertx.close().otherwiseEmpty()));
    }
  }
}
