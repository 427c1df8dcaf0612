package dev.vitals.it.alwaysup;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar with this module's jar beside it on the class path, as a user adds a check type:
 * {@code java -cp vitals-samples.jar:always-up.jar dev.vitals.samples.Main -conf ...}. The type's entries run,
 * are validated by its schema fragment, and {@code --help} names it.
 */
class AlwaysUpTypeTest {

  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final long LIMIT_MS = 60_000;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  /** @param log where both streams go (logs are on stderr), or {@code null}: stdout discarded, stderr to read */
  private Process standalone(Path log, String... args) throws Exception {
    String classPath = String.join(File.pathSeparator, jar("vitals.jar"), jar("type.jar"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-cp", classPath, "dev.vitals.samples.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(log != null)
      .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().put("VITALS_HTTP_PORT", "0");
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static String jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property %s", property).isNotNull();
    assertThat(Path.of(path)).as("%s, built before this test", property).isRegularFile();
    return path;
  }

  @Test
  void anAlwaysUpEntryRunsAndAppearsInHealth() throws Exception {
    Path log = Files.createTempFile("always-up", ".log");
    Process process = standalone(log, "-conf",
      "{\"checks\": [{\"name\": \"up\", \"type\": \"always-up\", \"message\": \"all good\"}]}");
    int port = listeningPort(log, process);
    HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
      .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonObject result = new JsonObject(health.body()).getJsonArray("results").getJsonObject(0);
    assertThat(result.getString("checker")).isEqualTo("up");
    assertThat(result.getBoolean("passed")).isTrue();
    assertThat(result.getString("output")).isEqualTo("all good");
    assertThat(Files.readString(log)).contains("Checks: up (always-up)");
  }

  @Test
  void aKeyItsSchemaDoesNotNameFailsStartUpWithOneLine() throws Exception {
    assertOneLineAndExit15("{\"checks\": [{\"name\": \"up\", \"type\": \"always-up\", \"colour\": \"green\"}]}",
      "/checks/0/colour: unknown key, expected one of name, type, timeout,");
    assertOneLineAndExit15("{\"checks\": [{\"name\": \"up\", \"type\": \"always-up\", \"message\": 5}]}",
      "/checks/0/message: expected a non-empty string, got 5");
  }

  private void assertOneLineAndExit15(String conf, String line) throws Exception {
    Process process = standalone(null, "-conf", conf);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isEqualTo(15);
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).startsWith(line);
  }

  @Test
  void helpListsTheType() throws Exception {
    Path out = Files.createTempFile("always-up", ".out");
    Process process = standalone(out, "--help");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(out)).containsPattern("Check types \\(.*\\): always-up, disk-space, .*, passive,");
  }

  private static int listeningPort(Path log, Process process) throws Exception {
    long deadline = System.currentTimeMillis() + LIMIT_MS;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the standalone did not listen: " + Files.readString(log));
  }
}
