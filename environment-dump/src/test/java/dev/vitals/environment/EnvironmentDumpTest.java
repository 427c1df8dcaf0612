package dev.vitals.environment;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.Scrubber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class EnvironmentDumpTest {

  @Test
  void builtInSectionsDescribeTheInstance(Vertx vertx) {
    EnvironmentDump dump = EnvironmentDump.create(vertx, new EnvironmentOptions()
      .setConfig(new JsonObject().put("http", new JsonObject().put("port", 8080)).put("admin", new JsonObject().put("token", "t0k")))
      .setApplication(new ApplicationOptions().setName("orders").setVersion("1.2.3")));
    assertThat(dump.sectionNames()).containsExactly("os", "jvm", "process", "vertx", "application", "config");
    JsonObject result = result(dump.dump());

    assertThat(result.getJsonObject("os").fieldNames())
      .contains("name", "version", "arch", "availableProcessors", "systemLoadAverage", "hostname");
    JsonObject jvm = result.getJsonObject("jvm");
    assertThat(jvm.getString("javaVersion")).isEqualTo(System.getProperty("java.version"));
    assertThat(jvm.getLong("uptimeMs")).isPositive();
    assertThat(jvm.getJsonObject("memory").getJsonObject("heap").getLong("used")).isPositive();
    assertThat(jvm.getJsonArray("gc")).isNotEmpty();
    assertThat(jvm.getJsonObject("systemProperties").getString("java.version")).isEqualTo(System.getProperty("java.version"));
    JsonObject process = result.getJsonObject("process");
    assertThat(process.getLong("pid")).isEqualTo(ProcessHandle.current().pid());
    assertThat(process.getJsonObject("environment").fieldNames()).containsAll(System.getenv().keySet());
    assertThat(process.getString("startTime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonObject vertxSection = result.getJsonObject("vertx");
    assertThat(vertxSection.getString("version")).isEqualTo("5.0.10");
    assertThat(vertxSection.getBoolean("clustered")).isFalse();
    assertThat(result.getJsonObject("application").getString("name")).isEqualTo("orders");
    assertThat(result.getJsonObject("config").getJsonObject("http").getInteger("port")).isEqualTo(8080);
    assertThat(result.getJsonObject("config").getJsonObject("admin").getString("token")).isEqualTo(Scrubber.MASK);
  }

  @Test
  void builtInSectionsCanBeSwitchedOffAndRemoved(Vertx vertx) {
    EnvironmentDump dump = EnvironmentDump.create(vertx, new EnvironmentOptions(new JsonObject()
      .put("includeOs", false).put("includeProcess", false).put("includeConfig", false)));
    assertThat(dump.sectionNames()).containsExactly("jvm", "vertx", "application");
    assertThat(dump.removeSection("jvm")).isTrue();
    assertThat(dump.removeSection("jvm")).isFalse();
    assertThat(result(dump.dump()).fieldNames()).containsExactlyInAnyOrder("vertx", "application");
  }

  @Test
  void aFaultySectionShowsAnErrorAndNeverBreaksTheDump(Vertx vertx) {
    EnvironmentDump dump = EnvironmentDump.create(vertx, new EnvironmentOptions().setSectionTimeout(100)
      .setIncludeOs(false).setIncludeJvm(false).setIncludeProcess(false));
    dump.addSection("fixed", new JsonObject().put("region", "eu-west-1"));
    dump.addSection("throws", () -> {
      throw new IllegalStateException("no feature flags loaded");
    });
    dump.addSection("fails", () -> Future.failedFuture("flag service down at https://u:leaked-pw@flags"));
    dump.addSection("hangs", () -> Promise.<JsonObject>promise().future());
    dump.addSection("computed", () -> Future.succeededFuture(new JsonObject().put("flags", 3).put("apiKey", "k-1")));

    JsonObject result = result(dump.dump());
    assertThat(result.getJsonObject("fixed").getString("region")).isEqualTo("eu-west-1");
    assertThat(result.getJsonObject("throws")).isEqualTo(new JsonObject().put("error", "no feature flags loaded"));
    assertThat(result.getJsonObject("fails").getString("error")).startsWith("flag service down").doesNotContain("leaked-pw");
    assertThat(result.getJsonObject("hangs")).isEqualTo(new JsonObject().put("error", "timed out after 100 ms"));
    assertThat(result.getJsonObject("computed")).isEqualTo(new JsonObject().put("flags", 3).put("apiKey", Scrubber.MASK));
    assertThat(result.getJsonObject("vertx")).isNotNull();
  }

  @Test
  void sectionNamesAreCheckedAtTheDoor(Vertx vertx) {
    EnvironmentDump dump = EnvironmentDump.create(vertx);
    assertThatThrownBy(() -> dump.addSection("jvm", new JsonObject()))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jvm' already exists");
    assertThatThrownBy(() -> dump.addSection(" ", new JsonObject()))
      .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badOptionsNameTheField() {
    assertThatThrownBy(() -> new EnvironmentOptions(new JsonObject().put("includeJvm", "no")))
      .hasMessageStartingWith("includeJvm:");
    assertThatThrownBy(() -> new EnvironmentOptions(new JsonObject().put("sectionTimeout", "soon")))
      .hasMessageStartingWith("sectionTimeout:");
    assertThatThrownBy(() -> new EnvironmentOptions(new JsonObject().put("scrub",
      new JsonObject().put("allowedKeys", "author")))).hasMessageStartingWith("scrub.allowedKeys:");
  }

  @Test
  void aFloodOfDumpsComputesOneAndScrubsItOffTheEventLoop(Vertx vertx) {
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    EnvironmentDump dump = EnvironmentDump.create(vertx, new EnvironmentOptions().setIncludeOs(false)
      .setIncludeJvm(false).setIncludeProcess(false).setIncludeVertx(false).setIncludeApplication(false)
      .setIncludeConfig(false));
    dump.addSection("counted", () -> {
      computed.incrementAndGet();
      return Future.succeededFuture(new JsonObject().put("password", "s3cret"));
    });
    java.util.List<Future<JsonObject>> dumps = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      dumps.add(dump.dump());
    }
    for (Future<JsonObject> one : dumps) {
      assertThat(result(one).getJsonObject("counted").getString("password")).isEqualTo(Scrubber.MASK);
    }
    assertThat(computed).as("one dump for the whole burst").hasValue(1);
  }
}
