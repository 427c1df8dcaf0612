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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Python process logging through {@code logging.handlers.HTTPHandler} to a passive check of the
 * standalone verticle.
 */
@ExtendWith(VertxExtension.class)
class PythonHeartbeatTest {

  private static final String SCRIPT = String.join("\n",
    "import logging, logging.handlers, sys",
    "handler = logging.handlers.HTTPHandler(sys.argv[1], sys.argv[2], method=sys.argv[3],",
    "                                       credentials=('nightly', sys.argv[4]))",
    "log = logging.getLogger('nightly.backup')",
    "log.addHandler(handler)",
    "log.setLevel(logging.INFO)",
    "if sys.argv[5] == 'info':",
    "    log.info('backup of %s started, %d files', '/var/db', 12)",
    "else:",
    "    try:",
    "        raise OSError(28, 'No space left on device')",
    "    except OSError:",
    "        log.exception('backup of %s failed: %s', '/var/db', 'disk full \\u2014 n\\u00e9ant')");

  private static void python(int port, String method, String level) throws Exception {
    Process process = new ProcessBuilder("python3", "-c", SCRIPT, "127.0.0.1:" + port, "/health/heartbeat/nightly",
      method, "job-token", level).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).as("HTTPHandler prints errors it meets").doesNotContain("Traceback");
  }

  private static JsonObject nightly(WebClient client, int port) {
    return result(client.get(port, "127.0.0.1", "/health/nightly").send()).bodyAsJsonObject()
      .getJsonArray("results").getJsonObject(0);
  }

  private static JsonObject until(WebClient client, int port, Predicate<JsonObject> ok) {
    return poll(() -> nightly(client, port), ok, String::valueOf);
  }

  @Test
  void pythonLogRecordsKeepThePassiveCheckAliveAndErrorsFailIt(Vertx vertx) throws Exception {
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray().add(new JsonObject().put("name", "nightly").put("type", "passive")
        .put("period", "3s").put("grace", "0s").put("token", "job-token")));
    int port = result(deploy(vertx, config)).actualPort();
    WebClient client = WebClient.create(vertx);

    python(port, "POST", "info");
    JsonObject info = nightly(client, port);
    assertThat(info.getBoolean("passed")).isTrue();
    assertThat(info.getString("output")).isEqualTo("backup of /var/db started, 12 files");

    python(port, "POST", "error");
    JsonObject error = nightly(client, port);
    assertThat(error.getBoolean("passed")).isFalse();
    assertThat(error.getString("output")).isEqualTo("backup of /var/db failed: disk full — néant");
    assertThat(error.getJsonObject("data").getString("exc_info")).contains("No space left on device");
    assertThat(error.getJsonObject("data").getString("logger")).isEqualTo("nightly.backup");
    HttpResponse<Buffer> health = result(client.get(port, "127.0.0.1", "/health").send());
    assertThat(health.statusCode()).isEqualTo(503);

    python(port, "GET", "info");
    assertThat(nightly(client, port).getBoolean("passed")).as("the GET form").isTrue();

    // Then silence: after period + grace the check fails by itself.
    JsonObject silent = until(client, port, result -> !result.getBoolean("passed"));
    assertThat(silent.getString("output")).startsWith("no report for");
  }
}
