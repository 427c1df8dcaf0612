package dev.vitals.samples;

import dev.vitals.health.checks.test.ServerFixture;
import dev.vitals.health.test.Await;
import io.vertx.core.json.JsonArray;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus Alertmanager (Debian package {@code prometheus-alertmanager}) on a free loopback port, alone (no
 * cluster), routing every alert to a receiver that sends nothing; its config and storage in a temporary directory,
 * asked through its API v2.
 */
final class AlertmanagerServer implements AutoCloseable {

  private final Path dir;
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AlertmanagerServer(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** Starts it and waits until {@code /-/ready} answers 200; fails naming the package when it is missing. */
  static AlertmanagerServer start() throws IOException {
    String binary = ServerFixture.binary("prometheus-alertmanager", "prometheus-alertmanager").toString();
    Path dir = Files.createTempDirectory("vitals-alertmanager");
    Files.writeString(dir.resolve("alertmanager.yml"), String.join("\n",
      "route:",
      "  receiver: \"null\"",
      "receivers:",
      "  - name: \"null\"",
      ""));
    Files.createDirectories(dir.resolve("data"));
    int port = Standalone.closedPort();
    Process process = new ProcessBuilder(binary, "--config.file=" + dir.resolve("alertmanager.yml"),
      "--storage.path=" + dir.resolve("data"), "--cluster.listen-address=", "--web.listen-address=127.0.0.1:" + port)
      .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    AlertmanagerServer server = new AlertmanagerServer(dir, process, port);
    try {
      Await.until(() -> !process.isAlive() || server.ready(), () -> "Alertmanager ready: " + server.log());
      if (!process.isAlive()) {
        throw new AssertionError("Alertmanager exited: " + server.log());
      }
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** @return its base URL, as an {@code alertmanager} channel's {@code url} */
  String url() {
    return "http://127.0.0.1:" + port;
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
      return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** @return {@code GET /api/v2/alerts}: the alerts it holds as active, silenced, inhibited or unprocessed */
  JsonArray alerts() {
    try {
      HttpResponse<String> response = get("/api/v2/alerts");
      if (response.statusCode() != 200) {
        throw new AssertionError("GET /api/v2/alerts answered " + response.statusCode() + ": " + response.body());
      }
      return new JsonArray(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** @return what it logged */
  String log() {
    try {
      return Files.readString(dir.resolve("alertmanager.log"));
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
