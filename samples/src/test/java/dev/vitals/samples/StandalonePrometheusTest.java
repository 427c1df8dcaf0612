package dev.vitals.samples;

import dev.vitals.health.metrics.MetricsHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.vitals.health.test.Await.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone server as its launcher starts it (a child JVM running {@link Main}, Vert.x's own metrics on), scraped
 * by a real Prometheus server every second: Prometheus' own parsers read what {@code /metrics} serves (OpenMetrics, as
 * it asks for it), and promtool the text format 0.0.4.
 */
class StandalonePrometheusTest {

  private static final String JOB = "jobs/nightly";
  private static final String CONFIG = new JsonObject()
    .put("shutdown", new JsonObject().put("drainDelay", 0))
    .put("checks", new JsonArray()
      .add(new JsonObject().put("name", JOB).put("type", "passive").put("period", "1h").put("grace", "1h")
        .put("tags", new JsonArray().add("readiness")))
      .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness"))))
    // A channel that nothing fires to (every check passes): the alerts' meters are served all the same.
    .put("alerts", new JsonObject().put("channels", new JsonArray().add(new JsonObject().put("type", "webhook")
      .put("name", "ops").put("url", "http://127.0.0.1:9/alerts"))))
    .encode();

  private static Path log;
  private static Process vitals;
  private static int port;
  private static PrometheusServer prometheus;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void start() throws IOException {
    String promtool = PrometheusServer.binary("promtool"); // before starting anything: a missing package fails here
    assertThat(promtool).isNotEmpty();
    ProcessBuilder builder = StandaloneProcessTest.java("-conf", CONFIG);
    builder.environment().put("VITALS_HTTP_PORT", "0");
    log = Files.createTempFile("vitals", ".log");
    vitals = builder.redirectOutput(log.toFile()).start();
    port = StandaloneProcessTest.listeningPort(log, vitals);
    prometheus = PrometheusServer.start(port, "/metrics");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.close();
    }
    if (vitals != null) {
      vitals.destroy();
      if (!vitals.waitFor(30, TimeUnit.SECONDS)) {
        vitals.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void prometheusReadsEveryVitalsMeterAndVertxOwn() {
    Set<String> expected = Set.of("vitals_check_status", "vitals_check_duration_seconds_count",
      "vitals_check_duration_seconds_sum", "vitals_check_duration_seconds_max", "vitals_check_runs_total",
      "vitals_check_result_age_seconds", "vitals_check_status_changes_total", "vitals_probe_status",
      "vitals_maintenance", "vitals_maintenance_stale", "vitals_passive_last_report_age_seconds",
      "vitals_check_observed_seconds_total", "vitals_check_available_seconds_total", "vitals_alerts_total",
      "vitals_alerts_suppressed_total", "vitals_alerts_active");
    JsonArray series = poll(() -> prometheus.query("{__name__=~\"vitals_.*|vertx_.*\"}"),
      result -> names(result).containsAll(expected) && names(result).stream().anyMatch(n -> n.startsWith("vertx_")),
      result -> "names so far " + names(result) + "; target " + prometheus.query("up") + "; " + prometheus.log());
    Set<String> checks = new TreeSet<>();
    Set<String> probes = new TreeSet<>();
    for (Object entry : series) {
      JsonObject metric = ((JsonObject) entry).getJsonObject("metric");
      if (metric.containsKey("check")) {
        checks.add(metric.getString("check"));
      }
      if (metric.getString("__name__").equals("vitals_probe_status")) {
        probes.add(metric.getString("probe"));
      }
    }
    assertThat(checks).as("a check name with / stays one label value").containsExactlyInAnyOrder(JOB, "heap");
    assertThat(probes).containsExactlyInAnyOrder("health", "live", "ready", "started");
    assertThat(series.stream().map(JsonObject.class::cast)
      .filter(s -> s.getJsonObject("metric").getString("__name__").equals("vitals_passive_last_report_age_seconds"))
      .map(s -> s.getJsonObject("metric").getString("check"))).containsExactly(JOB);
  }

  private static Set<String> names(JsonArray result) {
    Set<String> names = new TreeSet<>();
    for (Object entry : result) {
      names.add(((JsonObject) entry).getJsonObject("metric").getString("__name__"));
    }
    return names;
  }

  @Test
  void methodsAndPathsAClientMakesUpAddNoSeries() throws Exception {
    sendRaw(1, i -> "MADEUP /health/live", i -> "GET /no/such/path"); // the series any such request may create
    Set<String> before = httpServerSeries();

    sendRaw(10_000, i -> String.format("M%05d /health/live", i), i -> "GET /no/such/path/" + i);

    assertThat(httpServerSeries()).as("vertx_http_server_* series after 10,000 made-up methods and paths")
      .isEqualTo(before);
  }

  /** Sends {@code count} requests of each kind, pipelined on one connection, and reads every answer. */
  private static void sendRaw(int count, java.util.function.IntFunction<String> first,
                              java.util.function.IntFunction<String> second) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      for (int i = 0; i < count; i++) {
        out.write((first.apply(i) + " HTTP/1.1\r\nHost: x\r\n\r\n" + second.apply(i) + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      }
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      int statusLines = answers.split("HTTP/1.1 ", -1).length - 1;
      assertThat(statusLines).as("answers read").isEqualTo(2 * count + 1);
    }
  }

  /** @return the series (name and labels, without values) of Vert.x's HTTP server meters */
  private static Set<String> httpServerSeries() throws Exception {
    Set<String> series = new TreeSet<>();
    for (String line : send(request("/metrics")).body().split("\n")) {
      if (line.startsWith("vertx_http_server_")) {
        series.add(line.substring(0, line.lastIndexOf(' ')));
      }
    }
    assertThat(series).isNotEmpty();
    return series;
  }

  @Test
  void textFormatPassesPromtoolAndOpenMetricsIsServedWhenAsked() throws Exception {
    HttpResponse<String> text = send(request("/metrics"));
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type")).hasValue(MetricsHandler.TEXT);
    assertThat(text.headers().firstValue("Cache-Control")).hasValue("no-store");
    // promtool parses with Prometheus' own text parser (exit 1 on a parse error) and lints (exit 3 on problems).
    Process check = new ProcessBuilder(PrometheusServer.binary("promtool"), "check", "metrics")
      .redirectErrorStream(true).start();
    check.getOutputStream().write(text.body().getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as("promtool: %s", verdict).isIn(0, 3);
    assertThat(verdict.lines().filter(line -> line.contains("vitals_"))).as("lint problems of Vitals' meters").isEmpty();

    HttpResponse<String> open = send(request("/metrics").header("Accept", "application/openmetrics-text"));
    assertThat(open.headers().firstValue("Content-Type")).hasValue(MetricsHandler.OPENMETRICS);
    assertThat(open.body()).contains("# TYPE vitals_check_result_age_seconds gauge\n").endsWith("# EOF\n");

    HttpResponse<String> post = send(request("/metrics").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void aFailingCheckIsSeenByTheFirstScrapeAfterIt() throws Exception {
    HttpResponse<String> report = send(request("/health/heartbeat/" + JOB).header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"fail\", \"output\": \"disk full\"}")));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    HttpResponse<String> health = send(request("/health/" + JOB));
    assertThat(health.statusCode()).as("the check fails now: %s", health.body()).isEqualTo(503);
    double failedAt = System.currentTimeMillis() / 1000.0;

    // Every sample of the last minute, with the time of the scrape that took it: the first scrape that started
    // after the failure must show it.
    String selector = "vitals_check_status{check=\"" + JOB + "\",status=\"fail\"}[1m]";
    JsonArray after = poll(() -> samplesAfter(prometheus.query(selector), failedAt), samples -> !samples.isEmpty(),
      samples -> prometheus.query(selector).encode());
    assertThat(after.getJsonArray(0).getString(1)).as("the first scrape after the failure: %s", after).isEqualTo("1");
    assertThat(prometheus.query("vitals_check_status{check=\"" + JOB + "\",status=\"fail\"} == 1")).hasSize(1);
  }

  /** @return the {@code [t, "v"]} samples of the one series in a range-vector result taken after {@code time} */
  private static JsonArray samplesAfter(JsonArray result, double time) {
    JsonArray after = new JsonArray();
    if (result.size() == 1) {
      for (Object sample : result.getJsonObject(0).getJsonArray("values")) {
        if (((JsonArray) sample).getDouble(0) > time) {
          after.add(sample);
        }
      }
    }
    return after;
  }
}
