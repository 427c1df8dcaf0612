package dev.vitals.samples;

import dev.vitals.health.grpc.test.GrpcHealthClient;
import dev.vitals.health.grpc.test.GrpcHealthClient.Watching;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vitals.health.test.Await;
import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone entry point as a child JVM, the way {@code java -jar vitals-samples.jar} runs it: a planted
 * secret stays out of {@code /environment}, gRPC health answers on the HTTP port, SIGTERM exits 0 (readiness
 * failing first, over gRPC too), a bad config or {@code -conf} exits non-zero.
 */
class StandaloneProcessTest {

  private static final String PLANTED = "pl4nted-db-s3cret";
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  /** The child runs on the class path, as the fat jar does: this JVM's module path and class path together. */
  static ProcessBuilder java(String... args) {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = java.util.stream.Stream.of(System.getProperty("jdk.module.path"),
        System.getProperty("java.class.path"))
      .filter(path -> path != null && !path.isEmpty()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    List<String> command = new java.util.ArrayList<>(List.of(launcher, "-cp", classPath, Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /** A child JVM started by {@link #launch(String)}, listening on {@code port}. */
  record Launched(Process process, int port) {
  }

  /**
   * Starts the entry point with an inline config on a free port and waits until it listens.
   *
   * @param conf the {@code -conf} JSON
   * @return the child and its port; destroy the process when done
   */
  static Launched launch(String conf) throws IOException {
    ProcessBuilder builder = java("-conf", conf);
    builder.environment().put("VITALS_HTTP_PORT", "0");
    Path log = Files.createTempFile("vitals", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    return new Launched(process, listeningPort(log, process));
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Waits for the child JVM to log the port it listens on (it was given port 0), while it is alive. */
  static int listeningPort(Path log, Process process) {
    return listeningPort(log, process, Await.LIMIT_MS);
  }

  /** As {@link #listeningPort(Path, Process)}, waiting up to {@code limitMs} (a clustered child joins first). */
  static int listeningPort(Path log, Process process, long limitMs) {
    Matcher listening = Await.poll(() -> LISTENING.matcher(read(log)), m -> m.find() || !process.isAlive(),
      m -> read(log), limitMs);
    assertThat(process.isAlive()).as("the child JVM is running: %s", read(log)).isTrue();
    return Integer.parseInt(listening.group(1));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void servesTheEnvironmentWithoutThePlantedSecretAndExitsZeroOnSigterm() throws Exception {
    ProcessBuilder builder = java("-conf", "{\"shutdown\": {\"drainDelay\": \"200ms\"}}");
    builder.environment().put("VITALS_HTTP_PORT", "0");
    builder.environment().put("DB_PASSWORD", PLANTED);
    builder.environment().put("DATABASE_URL", "postgres://app:" + PLANTED + "@db:5432/orders");
    Path log = Files.createTempFile("vitals", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    try {
      int port = listeningPort(log, process);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> env = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/environment")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(env.statusCode()).isEqualTo(200);
      JsonObject environment = new JsonObject(env.body()).getJsonObject("process").getJsonObject("environment");
      assertThat(environment.getString("DB_PASSWORD")).isEqualTo("********");
      assertThat(environment.getString("DATABASE_URL")).isEqualTo("postgres://app:********@db:5432/orders");
      assertThat(env.body()).doesNotContain(PLANTED);

      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("SIGTERM after a clean stop").isZero();
      assertThat(read(log)).as("each step of the stop is logged").containsSubsequence(
        "Signal received (SIGTERM or Ctrl-C): stopping", "Stopping: readiness fails now",
        "Stopping: no longer accepting connections", "Stopping: server closed", "Vitals standalone stopped",
        "Exiting with code 0");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void answersGrpcHealthOnTheHttpPortAndFailsReadinessThereOnSigterm() throws Exception {
    ProcessBuilder builder = java("-conf", "{\"checks\": [], \"shutdown\": {\"drainDelay\": \"500ms\"}}");
    builder.environment().put("VITALS_HTTP_PORT", "0");
    Path log = Files.createTempFile("vitals", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    Vertx vertx = Vertx.vertx();
    try (GrpcHealthClient grpc = new GrpcHealthClient(vertx, listeningPort(log, process))) {
      assertThat(grpc.serving("")).isEqualTo(ServingStatus.SERVING);
      Watching ready = grpc.watch("ready");
      ready.awaitReceived(ServingStatus.SERVING);

      process.destroy();
      ready.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
      assertThat(ready.awaitEnd()).isEqualTo(GrpcStatus.UNAVAILABLE);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
      result(vertx.close());
    }
  }

  @Test
  void anInvalidConfigIsOneLineOnStderrAndExitCode15() throws Exception {
    assertOneLineAndExit15(java("-conf", "{\"environment\": {\"includeProccess\": true}}"),
      "/environment/includeProccess: unknown key, expected one of enabled, includeApplication,");
    assertOneLineAndExit15(java("-conf", "{\"checks\": [{\"name\": \"db\", \"type\": \"tcp\", \"host\": \"db\"}]}"),
      "/checks/0/port: required key missing");
  }

  /**
   * A Hazelcast config file sets the member's interfaces itself (Hazelcast binds every interface by default): the
   * fleet's secret is required with one, whatever the file says, before anything listens.
   */
  @Test
  void aHazelcastConfigFileWithoutTheFleetSecretIsOneLineAndExitCode15() throws Exception {
    Path xml = Files.createTempFile("vitals-hazelcast", ".xml");
    try {
      Files.writeString(xml, "<hazelcast xmlns=\"http://www.hazelcast.com/schema/config\">"
        + "<properties><property name=\"hazelcast.phone.home.enabled\">false</property>"
        + "<property name=\"hazelcast.socket.bind.any\">false</property></properties>"
        + "<network><interfaces enabled=\"true\"><interface>127.0.0.1</interface></interfaces><join><multicast enabled=\"false\"/><tcp-ip enabled=\"true\"><member>127.0.0.1</member></tcp-ip>"
        + "</join></network></hazelcast>");
      String config = new JsonObject().put("fleet", new JsonObject()
        .put("cluster", new JsonObject().put("configFile", xml.toString()))).encode();
      assertOneLineAndExit15(java("-conf", config), "/fleet/secret: required when cluster.configFile is set");
    } finally {
      Files.delete(xml);
    }
  }

  @Test
  void anEnvironmentVariableOverridesTheFileAndIsValidatedLikeIt() throws Exception {
    ProcessBuilder builder = java("-conf", "{}");
    builder.environment().put("VITALS_SHUTDOWN_DRAIN_DELAY", "1e300");
    assertOneLineAndExit15(builder, "/shutdown/drainDelay: expected integer milliseconds");
  }

  private static void assertOneLineAndExit15(ProcessBuilder builder, String line) throws Exception {
    Process process = builder.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    java.util.concurrent.CompletableFuture<String> stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(); // a config that should have been refused started: do not leave it running
      throw new AssertionError("still running after 30 s: " + line);
    }
    String err = stderr.get(10, TimeUnit.SECONDS);
    assertThat(process.exitValue()).isEqualTo(15);
    assertThat(err.lines()).hasSize(1).first(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith(line);
  }

  @Test
  void helpPrintsVitalsUsageAndExitsZero() throws Exception {
    for (String flag : List.of("--help", "-h")) {
      Process process = java(flag).start();
      String out = output(process);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(out).startsWith("Usage: java -jar vitals-samples.jar")
        .contains("-conf", "VITALS_HTTP_PORT", "-Dvitals.http.port", "CONSUL_HTTP_ADDR", "Config reference",
          "vitals-config.schema.json");
    }
  }

  @Test
  void anUnreadableConfExitsNonZero() throws Exception {
    Path broken = Files.createTempFile("vitals", ".json");
    Files.writeString(broken, "{\"checks\": [");
    Process process = java("-conf", broken.toString()).start();
    String out = output(process);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(out).startsWith("-conf: '" + broken + "' is not a JSON object");
  }
}
