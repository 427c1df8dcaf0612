package dev.vitals.samples;

import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.test.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.vitals.samples.StandaloneProcessTest.java;
import static dev.vitals.samples.StandaloneProcessTest.listeningPort;
import static dev.vitals.samples.StandaloneProcessTest.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, item 4, as reported: two jars with {@code VITALS_FLEET_SECRET} and a third started on the same machine
 * with the same {@code fleet.cluster.members} and an admin token of its own, without the secret. Its
 * {@code PUT /status/maintenance?scope=fleet} reaches itself only; the others stay in service, and still switch
 * each other.
 */
class StandaloneFleetRogueProcessTest {

  private static final String SECRET = "fleet-s3cret-0123456789";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HttpResponse<String> send(int port, String path, String token, String method) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
      .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
      .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("{\"reason\": \"pwned by rogue\"}")
        : HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aJarWithoutTheSecretSwitchesOnlyItself() throws Exception {
    List<Integer> hazelcast = ClusterNodes.freePorts(3);
    JsonArray members = StandaloneFleetProcessTest.members(hazelcast);
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        JsonObject config = new JsonObject()
          .put("http", new JsonObject().put("port", 0))
          .put("admin", new JsonObject().put("token", i < 2 ? "fleet-admin" : "rogue-admin"))
          .put("shutdown", new JsonObject().put("drainDelay", "200ms"))
          .put("fleet", new JsonObject().put("publishPeriod", "2s")
            .put("cluster", new JsonObject().put("port", hazelcast.get(i)).put("members", members)));
        Path log = Files.createTempFile("vitals-rogue-" + i, ".log");
        ProcessBuilder builder = java("-conf", config.encode()).redirectOutput(log.toFile());
        if (i < 2) {
          builder.environment().put("VITALS_FLEET_SECRET", SECRET);
        }
        processes.add(builder.start());
        logs.add(log);
        if (i == 1) { // the fleet forms before the rogue starts, as in the report
          listeningPort(logs.get(0), processes.get(0), ClusterNodes.FORMING_MS);
          listeningPort(logs.get(1), processes.get(1), ClusterNodes.FORMING_MS);
        }
      }
      int a = listeningPort(logs.get(0), processes.get(0), ClusterNodes.FORMING_MS);
      int b = listeningPort(logs.get(1), processes.get(1), ClusterNodes.FORMING_MS);
      int rogue = listeningPort(logs.get(2), processes.get(2), ClusterNodes.FORMING_MS);
      Await.until(() -> new JsonObject(send(a, "/health/fleet", null, "GET").body()).getInteger("ready") == 2,
        () -> "A sees A and B ready: " + send(a, "/health/fleet", null, "GET").body());

      HttpResponse<String> pwned = send(rogue, "/status/maintenance?scope=fleet", "rogue-admin", "PUT");

      assertThat(new JsonObject(pwned.body()).getInteger("total")).as(pwned.body()).isEqualTo(1);
      for (int port : List.of(a, b)) {
        assertThat(new JsonObject(send(port, "/status", null, "GET").body()).getString("status")).isEqualTo("ok");
        assertThat(send(port, "/health/ready", null, "GET").statusCode()).isEqualTo(200);
        JsonObject fleet = new JsonObject(send(port, "/health/fleet", null, "GET").body());
        assertThat(fleet.getInteger("total")).as(fleet.encode()).isEqualTo(2);
        assertThat(fleet.encode()).doesNotContain("pwned");
      }
      assertThat(send(a, "/health/cluster", null, "GET").body()).contains("2 members");

      HttpResponse<String> deploying = send(b, "/status/maintenance?scope=fleet", "fleet-admin", "PUT");
      assertThat(new JsonObject(deploying.body()).getInteger("reached")).as(deploying.body()).isEqualTo(2);
      assertThat(new JsonObject(send(a, "/status", null, "GET").body()).getString("status")).isEqualTo("maintenance");
      for (int i = 0; i < 2; i++) {
        assertThat(read(logs.get(i))).doesNotContain(SECRET);
      }
    } finally {
      StandaloneFleetProcessTest.stop(processes, logs);
    }
  }
}
