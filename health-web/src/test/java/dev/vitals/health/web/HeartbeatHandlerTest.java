package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.web.heartbeat.HeartbeatHandler;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Every accepted form of heartbeat and every error code, through real HTTP. */
@ExtendWith(VertxExtension.class)
class HeartbeatHandlerTest {

  private CheckRegistry registry;
  private PassiveChecks passive;
  private TestServer http;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
    passive = PassiveChecks.create(vertx, registry, Clock.systemUTC());
    passive.add(new CheckOptions("cron"), new PassiveOptions().setPeriod(60_000));
    passive.add(new CheckOptions("guarded"), new PassiveOptions().setToken("job-token"));
    Router router = Router.router(vertx);
    router.route("/health/heartbeat/*").handler(HeartbeatHandler.create(passive, "admin-token"));
    router.route("/health*").handler(HealthHandler.create(registry));
    http = new TestServer(vertx, router);
  }

  @AfterEach
  void tearDown() {
    http.close();
    passive.close();
    result(registry.close());
  }

  private CheckReport state(String name) {
    return result(registry.report(name)).checks().get(0);
  }

  private HttpResponse<Buffer> post(String name, String contentType, String body) {
    var request = http.client.post("/health/heartbeat/" + name).bearerTokenAuthentication("admin-token");
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return result(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void anEmptyPostIsAGoodReport() {
    HttpResponse<Buffer> response = post("cron", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("check", "cron").put("status", "pass"));
    assertThat(state("cron").output()).isEmpty();
  }

  @Test
  void jsonReportsSetStatusAndOutput() {
    assertThat(post("cron", "application/json", "{\"status\": \"fail\", \"output\": \"exit 2\"}").statusCode())
      .isEqualTo(200);
    assertThat(state("cron").passed()).isFalse();
    assertThat(state("cron").output()).isEqualTo("exit 2");
    assertThat(result(http.client.get("/health").send()).statusCode()).isEqualTo(503);
    post("cron", "application/json", "{\"status\": \"warn\", \"output\": \"slow\", \"data\": {\"s\": 3}}");
    assertThat(state("cron").data()).isEqualTo(new JsonObject().put("s", 3));
  }

  @Test
  void formEncodedLogRecordsAsPythonsHttpHandlerSendsThem() {
    String error = "name=nightly&msg=backup+of+%25s+failed%3A+%25s&args=%28%27%2Fvar%2Fdb%27%2C+%27disk+full%27%29"
      + "&levelname=ERROR&levelno=40&exc_text=Traceback+...&created=1763726400.5&process=4242";
    assertThat(post("cron", "application/x-www-form-urlencoded", error).statusCode()).isEqualTo(200);
    CheckReport failed = state("cron");
    assertThat(failed.passed()).isFalse();
    assertThat(failed.output()).isEqualTo("backup of /var/db failed: disk full");
    assertThat(failed.data().getString("exc_text")).isEqualTo("Traceback ...");

    String info = "name=nightly&msg=still+here+%E2%9C%93&args=%28%29&levelname=INFO&levelno=20&exc_text=None";
    assertThat(post("cron", "application/x-www-form-urlencoded", info).bodyAsJsonObject().getString("status"))
      .isEqualTo("pass");
    assertThat(state("cron").passed()).isTrue();
    assertThat(state("cron").output()).isEqualTo("still here ✓");
  }

  @Test
  void theGetFormCarriesTheRecordInTheQueryString() {
    HttpResponse<Buffer> response = result(http.client.get("/health/heartbeat/cron")
      .bearerTokenAuthentication("admin-token")
      .addQueryParam("msg", "db gone").addQueryParam("args", "()").addQueryParam("levelno", "50")
      .addQueryParam("levelname", "CRITICAL").send());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(state("cron").output()).isEqualTo("db gone");
    assertThat(state("cron").passed()).isFalse();
  }

  @Test
  void errorsAreJson() {
    assertThat(post("nope", null, null).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> bad = post("cron", "application/json", "{\"status\": ");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getInteger("status")).isEqualTo(400);
    assertThat(post("cron", "application/json", "{\"status\": \"broken\"}").statusCode()).isEqualTo(400);
    assertThat(post("cron", "application/json", "[1]").statusCode()).isEqualTo(400);
    assertThat(post("cron", "application/x-www-form-urlencoded", "levelno=high&msg=x").statusCode()).isEqualTo(400);
    assertThat(post("cron", "text/plain", "hello").statusCode()).isEqualTo(415);
    HttpResponse<Buffer> big = post("cron", "application/json", "{\"output\": \"" + "x".repeat(70_000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.bodyAsJsonObject().getInteger("status")).isEqualTo(413);
    HttpResponse<Buffer> put = result(http.client.put("/health/heartbeat/cron").send());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.getHeader("Allow")).isEqualTo("POST, GET");
    assertThat(state("cron").output()).as("nothing recorded").isEqualTo("no report yet");
  }

  @Test
  void reportsNeedATokenBearerOrBasicPerCheckOrAdmin() {
    assertThat(result(http.client.post("/health/heartbeat/guarded").send()).statusCode()).isEqualTo(401);
    assertThat(result(http.client.post("/health/heartbeat/guarded").bearerTokenAuthentication("wrong").send())
      .statusCode()).isEqualTo(403);
    assertThat(result(http.client.post("/health/heartbeat/guarded").bearerTokenAuthentication("job-token").send())
      .statusCode()).isEqualTo(200);
    assertThat(result(http.client.post("/health/heartbeat/guarded").basicAuthentication("job", "job-token").send())
      .statusCode()).as("HTTPHandler credentials").isEqualTo(200);
    assertThat(result(http.client.post("/health/heartbeat/guarded").basicAuthentication("ops", "admin-token").send())
      .statusCode()).isEqualTo(200);
    assertThat(result(http.client.post("/health/heartbeat/guarded").basicAuthentication("job", "nope").send())
      .statusCode()).isEqualTo(403);
  }
}
