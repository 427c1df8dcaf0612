package dev.vitals.samples.examples;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom check type example: parsed from a config entry, registered, run. */
@ExtendWith(VertxExtension.class)
class MarkerFileTypeTest {

  @Test
  void passesWhileTheFileExists(Vertx vertx, @TempDir Path dir) throws IOException {
    Path marker = dir.resolve("ready");
    CheckRegistry registry = CheckRegistry.create(vertx);
    new MarkerFileType().parse(new JsonObject().put("path", marker.toString()))
      .register(vertx, vertx, registry, new CheckOptions("deploy-done").setSuccessTtl(0).setFailureTtl(0));
    HealthReport missing = result(registry.report("deploy-done"));
    assertThat(missing.checks().get(0).output()).isEqualTo(marker + " does not exist");
    Files.createFile(marker);
    HealthReport present = result(registry.report("deploy-done"));
    assertThat(present.checks().get(0).passed()).isTrue();
    result(registry.close());
  }

  @Test
  void anEntryWithoutPathIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new MarkerFileType().parse(new JsonObject()))
      .isInstanceOf(IllegalArgumentException.class).hasMessage("path: required");
  }
}
