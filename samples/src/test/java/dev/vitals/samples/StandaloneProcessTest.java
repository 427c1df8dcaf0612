package dev.vitals.samples;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone entry point as a child JVM, the way {@code java -jar vitals-samples.jar} runs it: a planted
 * secret stays out of {@code /environment}, SIGTERM exits 0, a bad config or {@code -conf} exits non-zero.
 */
class StandaloneProcessTest {

  private static final String PLANTED = "pl4nted-db-s3cret";

  private static ProcessBuilder java(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
      Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Polls until the server answers; the child JVM needs a moment to start. */
  private static HttpResponse<String> getWhenUp(HttpClient http, String url, Process process) throws Exception {
    for (int i = 0; i < 300 && process.isAlive(); i++) {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("server did not come up: " + (process.isAlive() ? "still starting" : output(process)));
  }

  @Test
  void servesTheEnvironmentWithoutThePlantedSecretAndExitsZeroOnSigterm() throws Exception {
    int port = freePort();
    ProcessBuilder builder = java("-conf", "{\"shutdown\": {\"drainDelay\": \"200ms\"}}");
    builder.environment().put("VITALS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("DB_PASSWORD", PLANTED);
    builder.environment().put("DATABASE_URL", "postgres://app:" + PLANTED + "@db:5432/orders");
    builder.redirectOutput(File.createTempFile("vitals", ".log"));
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> env = getWhenUp(http, "http://127.0.0.1:" + port + "/environment", process);
      assertThat(env.statusCode()).isEqualTo(200);
      JsonObject environment = new JsonObject(env.body()).getJsonObject("process").getJsonObject("environment");
      assertThat(environment.getString("DB_PASSWORD")).isEqualTo("********");
      assertThat(environment.getString("DATABASE_URL")).isEqualTo("postgres://app:********@db:5432/orders");
      assertThat(env.body()).doesNotContain(PLANTED);

      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("SIGTERM after a clean stop").isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void anInvalidConfigIsOneLineOnStderrAndExitCode15() throws Exception {
    assertOneLineAndExit15(java("-conf", "{\"environment\": {\"includeProccess\": true}}"),
      "/environment/includeProccess: unknown key, expected one of enabled, includeApplication,");
    assertOneLineAndExit15(java("-conf", "{\"checks\": [{\"name\": \"db\", \"type\": \"tcp\", \"host\": \"db\"}]}"),
      "/checks/0/port: required key missing");
  }

  @Test
  void anEnvironmentVariableOverridesTheFileAndIsValidatedLikeIt() throws Exception {
    ProcessBuilder builder = java("-conf", "{}");
    builder.environment().put("VITALS_SHUTDOWN_DRAIN_DELAY", "1e300");
    assertOneLineAndExit15(builder, "/shutdown/drainDelay: expected integer milliseconds");
  }

  private static void assertOneLineAndExit15(ProcessBuilder builder, String line) throws Exception {
    Process process = builder.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
