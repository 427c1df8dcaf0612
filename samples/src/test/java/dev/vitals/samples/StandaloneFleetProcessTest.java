package dev.vitals.samples;

import dev.vitals.health.fleet.test.ClusterNodes;
import dev.vitals.health.test.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vitals.samples.LoopbackHttp.request;
import static dev.vitals.samples.LoopbackHttp.send;
import static dev.vitals.samples.StandaloneProcessTest.java;
import static dev.vitals.samples.StandaloneProcessTest.listeningPort;
import static dev.vitals.samples.StandaloneProcessTest.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three standalone JVMs, as three {@code java -jar vitals-samples.jar -conf ...} on one machine, clustered over
 * Hazelcast on loopback: they agree on the fleet, a failing check on one shows on the others, a fleet maintenance
 * reaches all three, and a {@code kill -9}'d one leaves the fleet and the quorum answer follows.
 */
class StandaloneFleetProcessTest {

  private static final String TOKEN = "fl33t-admin";

  private JsonObject fleet(int port) {
    return new JsonObject(send(request(port, "/health/fleet")).body());
  }

  private static JsonObject node(JsonObject fleet, int port) {
    for (Object node : fleet.getJsonArray("nodes")) {
      if (((JsonObject) node).getString("instance").equals("127.0.0.1:" + port)) {
        return (JsonObject) node;
      }
    }
    throw new AssertionError("127.0.0.1:" + port + " is not in " + fleet.encodePrettily());
  }

  @Test
  void threeJarsAgreeOnTheFleetSeeAFailureShareMaintenanceAndLoseAKilledOne() throws Exception {
    List<Integer> hazelcast = ClusterNodes.freePorts(3);
    JsonArray members = members(hazelcast);
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        JsonObject config = new JsonObject()
          .put("http", new JsonObject().put("port", 0))
          .put("checks", new JsonArray().add(new JsonObject().put("name", "job").put("type", "passive").put("period", "1h")
            .put("tags", new JsonArray().add("readiness"))))
          .put("application", new JsonObject().put("name", "orders"))
          .put("admin", new JsonObject().put("token", TOKEN))
          .put("shutdown", new JsonObject().put("drainDelay", "200ms"))
          .put("fleet", new JsonObject().put("quorum", 3).put("publishPeriod", "2s")
            .put("cluster", new JsonObject().put("port", hazelcast.get(i)).put("members", members)));
        Path log = Files.createTempFile("vitals-fleet-" + i, ".log");
        processes.add(java("-conf", config.encode()).redirectOutput(log.toFile()).start());
        logs.add(log);
      }
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ports.add(listeningPort(logs.get(i), processes.get(i), ClusterNodes.FORMING_MS));
      }
      int a = ports.get(0);
      int b = ports.get(1);
      int c = ports.get(2);
      // They agree: each sees the same three instances, all ready; the quorum of 3 is met.
      for (int port : ports) {
        Await.until(() -> fleet(port).getInteger("ready") == 3, () -> port + " sees three ready: " + fleet(port).encode());
      }
      assertThat(send(request(a, "/health/fleet")).statusCode()).isEqualTo(200);
      assertThat(fleet(a).getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getString("node")).sorted().toList())
        .isEqualTo(fleet(c).getJsonArray("nodes").stream().map(n -> ((JsonObject) n).getString("node")).sorted().toList());
      assertThat(send(request(a, "/health/cluster")).body()).contains("3 members");

      // A check failing on B shows on A, with its output.
      long failed = System.nanoTime();
      HttpResponse<String> report = send(request(b, "/health/heartbeat/job").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"fail\", \"output\": \"disk full\"}")));
      assertThat(report.statusCode()).isEqualTo(200);
      Await.until(() -> !node(fleet(a), b).getBoolean("ready"), () -> "A sees B failing");
      long seenMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failed);
      System.out.println("StandaloneFleetProcessTest: B's failure seen on A after " + seenMs + " ms");
      JsonObject bOnA = node(fleet(a), b);
      assertThat(bOnA.getString("outcome")).isEqualTo("fail");
      assertThat(bOnA.getJsonArray("failing").getJsonObject(0).getMap()).containsEntry("name", "job")
        .containsEntry("output", "disk full");
      HttpResponse<String> notMet = send(request(a, "/health/fleet"));
      assertThat(notMet.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(notMet.body()).getJsonObject("quorum"))
        .isEqualTo(new JsonObject().put("required", 3).put("min", 3).put("met", false));
      send(request(b, "/health/heartbeat/job").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()));
      Await.until(() -> fleet(a).getInteger("ready") == 3, () -> "B ready again on A");

      // A fleet maintenance from C reaches all three; DELETE ends it.
      HttpResponse<String> noToken = send(request(c, "/status/maintenance?scope=fleet")
        .PUT(HttpRequest.BodyPublishers.noBody()));
      assertThat(noToken.statusCode()).isEqualTo(401);
      HttpResponse<String> enabled = send(request(c, "/status/maintenance?scope=fleet")
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\": \"deploying v2\"}")));
      assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
      assertThat(new JsonObject(enabled.body()).getInteger("reached")).isEqualTo(3);
      for (int port : ports) {
        JsonObject status = new JsonObject(send(request(port, "/status")).body());
        assertThat(status.getString("status")).isEqualTo("maintenance");
        assertThat(status.getString("reason")).isEqualTo("deploying v2");
      }
      Await.until(() -> fleet(a).getJsonArray("nodes").stream().allMatch(n -> ((JsonObject) n).getBoolean("maintenance")),
        () -> "A sees every instance in maintenance");
      HttpResponse<String> ended = send(request(a, "/status/maintenance?scope=fleet")
        .header("Authorization", "Bearer " + TOKEN).DELETE());
      assertThat(ended.statusCode()).isEqualTo(200);
      for (int port : ports) {
        assertThat(new JsonObject(send(request(port, "/status")).body()).getString("status")).isEqualTo("ok");
      }
      Await.until(() -> fleet(a).getInteger("ready") == 3, () -> "all ready after the fleet maintenance");

      // kill -9 of C: it leaves A's fleet (Hazelcast sees the closed connections), and the quorum of 3 is lost.
      long killed = System.nanoTime();
      processes.get(2).destroyForcibly();
      Await.until(() -> node(fleet(a), c).getString("state").equals("left"), () -> "C left on A");
      System.out.println("StandaloneFleetProcessTest: C " + node(fleet(a), c).getString("state") + " on A after "
        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms");
      assertThat(fleet(a).getInteger("total")).isEqualTo(2);
      assertThat(send(request(a, "/health/fleet")).statusCode()).isEqualTo(503);
    } finally {
      stop(processes, logs);
    }
  }

  /** @return {@code 127.0.0.1:<port>} for each Hazelcast port */
  static JsonArray members(List<Integer> hazelcast) {
    JsonArray members = new JsonArray();
    hazelcast.forEach(port -> members.add("127.0.0.1:" + port));
    return members;
  }

  /** Kills the child JVMs, prints the log of one that does not end within 30 s, deletes the logs. */
  static void stop(List<Process> processes, List<Path> logs) throws Exception {
    processes.forEach(Process::destroyForcibly);
    for (int i = 0; i < logs.size(); i++) {
      if (!processes.get(i).waitFor(30, TimeUnit.SECONDS)) {
        System.out.println(read(logs.get(i)));
      }
      Files.deleteIfExists(logs.get(i));
    }
  }
}
