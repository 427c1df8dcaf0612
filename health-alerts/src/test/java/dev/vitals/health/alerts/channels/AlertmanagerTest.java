package dev.vitals.health.alerts.channels;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.NotificationSink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.alerts.channels.Fixtures.channel;
import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** A real Prometheus Alertmanager (Debian's prometheus-alertmanager) started on loopback, and the resends. */
@ExtendWith(VertxExtension.class)
class AlertmanagerTest {

  private static final String BINARY = "/usr/bin/prometheus-alertmanager";

  @TempDir
  Path dir;
  private Process alertmanager;
  private NotificationSink sink;

  @AfterEach
  void tearDown() throws Exception {
    if (sink != null) {
      result(sink.close());
    }
    Processes.stop(alertmanager);
  }

  private static Alert alert(String check, Instant since) {
    return new Alert(check, HealthStatus.FAIL, "Connection refused", true, since, List.of("orders"), List.of("web-1"),
      1, "default", Map.of("alertname", "VitalsCheckFailing", "check", check, "instance", "web-1",
      "application", "shop", "severity", "critical"));
  }

  @Test
  void alertmanagerShowsTheAlertThenResolvesIt(Vertx vertx) throws Exception {
    int port = Processes.freePort();
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
      route:
        receiver: "null"
      receivers:
        - name: "null"
      """);
    Files.createDirectories(dir.resolve("data"));
    Path log = dir.resolve("alertmanager.log");
    alertmanager = Processes.start(BINARY, "prometheus-alertmanager", log, List.of(BINARY,
      "--config.file=" + config, "--storage.path=" + dir.resolve("data"), "--cluster.listen-address=",
      "--web.listen-address=127.0.0.1:" + port));
    WebClient client = WebClient.create(vertx);
    String base = "http://127.0.0.1:" + port;
    poll(() -> {
      if (!alertmanager.isAlive()) {
        throw new AssertionError("alertmanager exited: " + Processes.read(log));
      }
      return result(client.getAbs(base + "/-/ready").send().recover(e -> io.vertx.core.Future.succeededFuture()));
    }, r -> r != null && r.statusCode() == 200, r -> "not ready: " + Processes.read(log));

    sink = AlertChannels.create(vertx, List.of(channel("alertmanager", "am", new JsonObject().put("url", base)
      .put("generatorUrl", "http://vitals.test/health")))).get("am");
    Instant since = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    sink.offer(new Notification(Notification.Kind.FIRING, alert("db", since), Instant.now()));

    JsonObject shown = poll(() -> dbAlert(client, base), a -> a != null, a -> "alerts: " + alerts(client, base));
    assertThat(shown.getJsonObject("labels").getMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
      "alertname", "VitalsCheckFailing", "check", "db", "instance", "web-1", "application", "shop",
      "severity", "critical"));
    assertThat(shown.getJsonObject("annotations").getString("summary"))
      .isEqualTo("db fails: Connection refused; blocks: orders");
    assertThat(shown.getJsonObject("annotations").getString("blocks")).isEqualTo("orders");
    assertThat(Instant.parse(shown.getString("startsAt"))).isEqualTo(since);
    assertThat(shown.getString("generatorURL")).isEqualTo("http://vitals.test/health");
    assertThat(shown.getJsonObject("status").getString("state")).isEqualTo("active");

    // resolved: endsAt in the past, so Alertmanager no longer lists it
    sink.offer(new Notification(Notification.Kind.RESOLVED, alert("db", since), Instant.now().minusSeconds(1)));
    poll(() -> dbAlert(client, base), a -> a == null, a -> "still listed: " + a);
    // counted once the answer is read, which may come after Alertmanager already shows the change
    poll(() -> sink.status().getLong("sent"), sent -> sent == 2, sent -> "sent " + sent);
    assertThat(sink.status().getLong("failed")).isZero();
  }

  private static void pause(long ms) {
    long deadline = System.nanoTime() + ms * 1_000_000;
    poll(() -> System.nanoTime() - deadline > 0, passed -> passed, passed -> "");
  }

  private static JsonArray alerts(WebClient client, String base) {
    HttpResponse<io.vertx.core.buffer.Buffer> answer = result(client.getAbs(base + "/api/v2/alerts").send());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.bodyAsJsonArray();
  }

  private static JsonObject dbAlert(WebClient client, String base) {
    return alerts(client, base).stream().map(JsonObject.class::cast)
      .filter(a -> "db".equals(a.getJsonObject("labels").getString("check"))).findFirst().orElse(null);
  }

  @Test
  void firingAlertsAreResentUntilResolved(Vertx vertx) {
    Receiver receiver = new Receiver(vertx, 200);
    try {
      sink = AlertChannels.create(vertx, List.of(channel("alertmanager", "am", new JsonObject()
        .put("url", receiver.url().replace("//", "//vitals:s3cr%40t@") + "/am/").put("resendInterval", "1s"))))
        .get("am");
      Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      sink.offer(new Notification(Notification.Kind.FIRING, alert("db", since), since));
      sink.offer(new Notification(Notification.Kind.FIRING, alert("cache", since), since));
      List<Receiver.Request> requests = receiver.await(3);
      assertThat(requests).extracting(Receiver.Request::path).containsOnly("/am/api/v2/alerts");
      assertThat(requests).extracting(r -> r.headers().get("Authorization")) // user:password@ as basic auth
        .containsOnly("Basic " + java.util.Base64.getEncoder().encodeToString("vitals:s3cr@t".getBytes()));
      assertThat(new JsonArray(requests.get(0).body()).getJsonObject(0).containsKey("endsAt")).isFalse();
      JsonArray resent = new JsonArray(requests.get(2).body()); // both firing alerts, in one POST
      assertThat(resent.stream().map(a -> ((JsonObject) a).getJsonObject("labels").getString("check")))
        .containsExactly("db", "cache");
      sink.offer(new Notification(Notification.Kind.RESOLVED, alert("db", since), since.plusSeconds(3)));
      sink.offer(new Notification(Notification.Kind.RESOLVED, alert("cache", since), since.plusSeconds(3)));
      List<Receiver.Request> resolved = poll(() -> receiver.requests().stream()
        .filter(q -> q.body().contains("endsAt")).toList(), r -> r.size() == 2, r -> "requests " + r);
      assertThat(new JsonArray(resolved.get(0).body()).getJsonObject(0).getString("endsAt"))
        .isEqualTo(since.plusSeconds(3).toString());
      pause(200); // a resend that had already started when the last alert resolved
      int before = receiver.requests().size();
      pause(1_500); // more than one resendInterval: nothing is resent
      assertThat(receiver.requests()).hasSize(before);
    } finally {
      receiver.close();
    }
  }
}
