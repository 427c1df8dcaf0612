package dev.vitals.samples;

import dev.vitals.health.checks.test.ServerFixture;
import dev.vitals.health.test.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian package {@code prometheus}) scraping one target every second, on a free loopback
 * port, its storage and config in a temporary directory; queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {


  private final Path dir;
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** @return the path of a Prometheus tool ({@code prometheus}, {@code promtool}); fails naming the package */
  static String binary(String name) {
    return ServerFixture.binary(name, "prometheus").toString();
  }

  /**
   * Starts Prometheus scraping {@code http://127.0.0.1:<targetPort><metricsPath>} every second, and waits until it is
   * ready.
   */
  static PrometheusServer start(int targetPort, String metricsPath) throws IOException {
    String binary = binary("prometheus");
    Path dir = Files.createTempDirectory("vitals-prometheus");
    Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "scrape_configs:",
      "  - job_name: vitals",
      "    metrics_path: " + metricsPath,
      "    static_configs:",
      "      - targets: ['127.0.0.1:" + targetPort + "']",
      ""));
    int port = Standalone.closedPort();
    Process process = new ProcessBuilder(binary, "--config.file=" + dir.resolve("prometheus.yml"),
      "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
      .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    PrometheusServer server = new PrometheusServer(dir, process, port);
    try {
      Await.until(() -> !process.isAlive() || server.ready(), () -> "Prometheus ready: " + server.log());
      if (!process.isAlive()) {
        throw new AssertionError("Prometheus exited: " + server.log());
      }
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  private boolean ready() {
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * @param promql an instant query
   * @return {@code data.result} of {@code /api/v1/query}: for a vector, one {@code {"metric", "value": [t, "v"]}}
   * per series; for a range selector, {@code {"metric", "values": [[t, "v"], ...]}}
   */
  JsonArray query(String promql) {
    try {
      HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      JsonObject body = new JsonObject(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.getString("status"))) {
        throw new AssertionError("query " + promql + " failed: " + response.body());
      }
      return body.getJsonObject("data").getJsonArray("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return what Prometheus logged */
  String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is no failure
    }
  }
}
