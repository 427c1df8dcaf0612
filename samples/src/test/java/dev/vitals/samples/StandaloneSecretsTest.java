package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.vitals.samples.Standalone.await;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** What /environment and the logs show of secrets the config declares, and who may read the dump. */
@ExtendWith(VertxExtension.class)
class StandaloneSecretsTest {

  private static JsonObject config() {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray().add(new JsonObject().put("name", "job").put("type", "passive")
        .put("token", "JOB-SECRET")))
      .put("notifications", new JsonObject().put("webhooks", new JsonArray().add(new JsonObject()
        .put("url", "https://hooks.slack.com/services/T0/B0/PATH-SECRET")
        .put("headers", new JsonObject().put("X-Custom", "HEADER-SECRET")))));
  }

  @Test
  void secretsTheConfigDeclaresAreMaskedWhateverTheirName(Vertx vertx) {
    StandaloneVerticle verticle = await(deploy(vertx, config()));
    WebClient client = WebClient.create(vertx);
    HttpResponse<Buffer> dump = await(client.get(verticle.actualPort(), "127.0.0.1", "/environment").send());
    assertThat(dump.statusCode()).isEqualTo(200);
    JsonObject shown = dump.bodyAsJsonObject().getJsonObject("config");
    assertThat(shown.encode()).doesNotContain("PATH-SECRET", "HEADER-SECRET", "JOB-SECRET");
    JsonObject hook = shown.getJsonObject("notifications").getJsonArray("webhooks").getJsonObject(0);
    assertThat(hook.getString("url")).isEqualTo("********");
    assertThat(hook.getJsonObject("headers").getString("X-Custom")).isEqualTo("********");
    client.close();
  }

  @Test
  void onLoopbackARequestThroughAProxyIsRemote(Vertx vertx) {
    StandaloneVerticle verticle = await(deploy(vertx, config().put("admin", new JsonObject().put("token", "adm"))));
    WebClient client = WebClient.create(vertx);
    int port = verticle.actualPort();
    assertThat(await(client.get(port, "127.0.0.1", "/environment").putHeader("X-Forwarded-For", "203.0.113.9")
      .send()).statusCode()).isEqualTo(401);
    assertThat(await(client.get(port, "127.0.0.1", "/environment").putHeader("Forwarded", "for=203.0.113.9")
      .send()).statusCode()).isEqualTo(401);
    assertThat(await(client.get(port, "127.0.0.1", "/environment").putHeader("Forwarded", "for=203.0.113.9")
      .bearerTokenAuthentication("adm").send()).statusCode()).isEqualTo(200);
    assertThat(await(client.get(port, "127.0.0.1", "/environment").send()).statusCode()).isEqualTo(200);
    client.close();
  }

  @Test
  void aFailingCheckLogsItsChangesNotItsRuns(Vertx vertx) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          lines.add(record.getLoggerName() + ": " + record.getMessage());
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger.getLogger("").addHandler(capture);
    try {
      JsonObject config = new JsonObject().put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("checks", new JsonArray().add(new JsonObject().put("name", "api").put("type", "http")
          .put("url", "http://127.0.0.1:" + Standalone.closedPort() + "/?token=T-SECRET")
          .put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0)));
      StandaloneVerticle verticle = await(deploy(vertx, config));
      WebClient client = WebClient.create(vertx);
      for (int i = 0; i < 20; i++) {
        assertThat(await(client.get(verticle.actualPort(), "127.0.0.1", "/health/api").send()).statusCode())
          .isEqualTo(503);
      }
      client.close();
      assertThat(lines).as("one line for the check's change, one for the outcome's").hasSize(2)
        .allSatisfy(line -> assertThat(line).doesNotContain("T-SECRET"));
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
  }
}
