package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The ACL token reaches Consul on every call, from the options, the environment or a token file. */
@ExtendWith(VertxExtension.class)
class AclTest {

  private ConsulDouble consul;
  private ConsulMaintenance source;

  @BeforeEach
  void setUp(Vertx vertx) {
    consul = result(ConsulDouble.start(vertx));
    consul.requireToken("secret");
  }

  @AfterEach
  void tearDown() {
    if (source != null) {
      result(source.close());
    }
    result(consul.close());
  }

  /** The environment, then the test's timing on top, as a standalone config would layer its own options. */
  private ConsulClientOptions fromEnvironment(Map<String, String> env) {
    JsonObject timing = TestOptions.fast(consul).toJson();
    timing.remove("address");
    timing.remove("ssl");
    return new ConsulClientOptions(ConsulClientOptions.fromEnvironment(env).toJson().mergeIn(timing));
  }

  @Test
  void theTokenIsSentOnReadsAndWrites(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setToken("secret"));
    assertThat(result(source.enable("with token")).reason()).isEqualTo("with token");
    until(() -> !source.state().stale(), () -> "fresh: " + source.state());
  }

  @Test
  void theTokenFileWinsOverTheToken(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "secret\n");
    source = ConsulMaintenance.create(vertx, fromEnvironment(Map.of(
      "CONSUL_HTTP_ADDR", consul.address(),
      "CONSUL_HTTP_TOKEN", "wrong",
      "CONSUL_HTTP_TOKEN_FILE", file.toString())));
    until(() -> !source.state().stale(), () -> "fresh: " + source.state());
    assertThat(result(source.enable("from file")).reason()).isEqualTo("from file");
  }

  @Test
  void anUnreadableTokenFileIsReportedAndRetried(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("token");
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setTokenFile(file.toString()));
    until(() -> source.state().error() != null && source.state().error().startsWith("consul.tokenFile"),
      () -> "the token file error: " + source.state());
    assertThat(source.state().error()).startsWith("consul.tokenFile: cannot read '" + file + "'");
    assertThat(consul.requests("health/node")).isZero();

    // Moved in whole: a retry that read the file between its creation and the write would take an empty token.
    Files.move(Files.writeString(dir.resolve("token.new"), "secret"), file, StandardCopyOption.ATOMIC_MOVE);
    until(() -> !source.state().stale(), () -> "fresh once the file exists: " + source.state());
  }

  @Test
  void aWrongTokenIsNotFound(Vertx vertx) {
    source = ConsulMaintenance.create(vertx, TestOptions.fast(consul).setToken("wrong"));
    until(() -> source.state().error() != null && source.state().error().contains("403"),
      () -> "denied: " + source.state());
    assertThat(source.state().error()).isEqualTo("Consul answered 403: ACL not found");
  }
}
