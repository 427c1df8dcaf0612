package dev.vitals.samples;

import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.fleet.test.FrameFlood;
import dev.vitals.health.test.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.vitals.samples.StandaloneProcessTest.java;
import static dev.vitals.samples.StandaloneProcessTest.listeningPort;
import static dev.vitals.samples.StandaloneProcessTest.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a local process that reaches a clustered standalone's event bus port (no secret, no certificate needed)
 * announces a 2 GB frame and streams bytes. The standalone closes the connection at the length, logs it, and stays
 * live; without the frame limit it kept the connection and buffered everything on its event loop.
 */
class StandaloneFleetFrameLimitProcessTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private int live(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aFrameAnnouncing2GbOnTheEventBusPortIsClosedAtItsLength() throws Exception {
    List<Integer> ports = ClusterNodes.freePorts(2);
    int hazelcast = ports.get(0);
    int eventBus = ports.get(1);
    JsonObject config = new JsonObject().put("http", new JsonObject().put("port", 0))
      .put("shutdown", new JsonObject().put("drainDelay", "200ms"))
      .put("fleet", new JsonObject().put("cluster", new JsonObject().put("port", hazelcast)
        .put("members", StandaloneFleetProcessTest.members(List.of(hazelcast)))));
    Path log = Files.createTempFile("vitals-frame-limit", ".log");
    ProcessBuilder builder = java("-conf", config.encode(), "-cluster-port", String.valueOf(eventBus))
      .redirectOutput(log.toFile());
    builder.environment().put("VITALS_FLEET_SECRET", "fleet-s3cret-0123456789");
    Process process = builder.start();
    try {
      int http = listeningPort(log, process, ClusterNodes.FORMING_MS);
      FrameFlood.Result flood = FrameFlood.flood("127.0.0.1", eventBus, 256L * 1024 * 1024,
        () -> assertThat(live(http)).as("live while the client streams").isEqualTo(200));
      assertThat(flood.closed()).as("the standalone closed the connection: %s", read(log)).isTrue();
      assertThat(flood.written()).as("bytes written before the close (socket buffers)").isLessThan(256L * 1024 * 1024);
      assertThat(process.isAlive()).isTrue();
      assertThat(live(http)).isEqualTo(200);
      Await.until(() -> read(log).contains("a frame announced 2000000000 bytes, more than 1048576"),
        () -> "the close is logged: " + read(log));
    } finally {
      StandaloneFleetProcessTest.stop(List.of(process), List.of(log));
    }
  }
}
