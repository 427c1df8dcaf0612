package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import io.vertx.core.Future;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness and startup probes, per-path selection, codes and detail, through real HTTP. */
@ExtendWith(VertxExtension.class)
class ProbesTest {

  private static final String TOKEN = "probe-admin";

  private CheckRegistry registry;
  private MaintenanceSource maintenance;
  private HealthHandler handler;
  private TestServer http;
  private final AtomicReference<ProcedureResult> db = new AtomicReference<>(ProcedureResult.pass("db ok"));
  private final AtomicReference<ProcedureResult> migrations = new AtomicReference<>(ProcedureResult.fail("running"));

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
    CheckOptions noCache = new CheckOptions().setSuccessTtl(0).setFailureTtl(0);
    registry.register(new CheckOptions(noCache).setName("event-loop").addTag("liveness"),
      () -> Future.succeededFuture(ProcedureResult.pass("12 ms")));
    registry.register(new CheckOptions(noCache).setName("db").addTag("readiness"),
      () -> Future.succeededFuture(db.get()));
    registry.register(new CheckOptions(noCache).setName("cache").addTag("readiness").addTag("liveness").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.pass()));
    registry.register(new CheckOptions(noCache).setName("migrations").addTag("startup"),
      () -> Future.succeededFuture(migrations.get()));
    registry.register(new CheckOptions(noCache).setName("slow-report").addTag("batch"),
      () -> Future.succeededFuture(ProcedureResult.fail("secret stack detail")));

    maintenance = MaintenanceSource.local();
    HealthHandlerOptions options = new HealthHandlerOptions();
    options.getProbe(HealthHandlerOptions.HEALTH).setExclude(Set.of("batch"));
    options.getProbe("batch").setInclude(Set.of("batch")).setFailureDetails(FailureDetails.AUTHENTICATED)
      .setStatusCode(HealthStatus.FAIL, 500);
    options.getProbe("summary").setDetail(Detail.STATUS).setStatusCode(HealthStatus.FAIL, 500);
    options.getProbe("names").setDetail(Detail.NAMES);
    AdminTokenHandler admin = AdminTokenHandler.create(TOKEN);
    handler = HealthHandler.create(registry, options).maintenance(maintenance).authenticatedBy(admin::verify);
    Router router = Router.router(vertx);
    router.route("/health*").handler(handler);
    http = new TestServer(vertx, router);
  }

  @AfterEach
  void tearDown() {
    http.close();
    result(registry.close());
  }

  private static List<String> checkers(HttpResponse<Buffer> response) {
    List<String> names = new ArrayList<>();
    response.bodyAsJsonObject().getJsonArray("results").forEach(r -> names.add(((JsonObject) r).getString("checker")));
    return names;
  }

  @Test
  void eachProbeSelectsItsTags() {
    assertThat(checkers(http.get("/health/live"))).containsExactly("event-loop", "cache");
    assertThat(checkers(http.get("/health/ready"))).containsExactly("db", "cache");
    assertThat(checkers(http.get("/health"))).as("batch excluded from the overall path")
      .containsExactly("event-loop", "db", "cache", "migrations");
    assertThat(checkers(http.get("/health/batch"))).containsExactly("slow-report");
  }

  @Test
  void readinessFailsInMaintenanceWhileLivenessStaysUp() {
    result(maintenance.enable("kernel upgrade"));
    HttpResponse<Buffer> ready = http.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonObject last = ready.bodyAsJsonObject().getJsonArray("results").getJsonObject(2);
    assertThat(last.getString("checker")).isEqualTo("maintenance");
    assertThat(last.getString("output")).isEqualTo("in maintenance: kernel upgrade");
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(http.get("/health").statusCode()).as("overall path not readiness by default").isEqualTo(503);

    result(maintenance.disable());
    assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessFailsWhileDrainingAndLivenessDoesNot() {
    handler.startDrain();
    HttpResponse<Buffer> ready = http.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsString()).contains("shutting down");
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingDependencyFailsReadinessNotLiveness() {
    db.set(ProcedureResult.fail("connection refused"));
    assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void startupLatchesOnceEveryStartupCheckPassed() {
    assertThat(http.get("/health/started").statusCode()).isEqualTo(503);
    migrations.set(ProcedureResult.pass("done"));
    assertThat(http.get("/health/started").statusCode()).isEqualTo(200);
    migrations.set(ProcedureResult.fail("migration table locked"));
    HttpResponse<Buffer> after = http.get("/health/started");
    assertThat(after.statusCode()).as("stays passed").isEqualTo(200);
    assertThat(after.bodyAsString()).contains("done").doesNotContain("locked");
  }

  @Test
  void failureDetailsAreShownOnlyToAuthenticatedCallers() {
    HttpResponse<Buffer> anonymous = http.get("/health/batch");
    assertThat(anonymous.statusCode()).isEqualTo(500);
    JsonObject hidden = anonymous.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
    assertThat(hidden.getString("output")).isEmpty();
    assertThat(hidden.getBoolean("passed")).isFalse();
    assertThat(anonymous.bodyAsString()).doesNotContain("secret stack detail");

    HttpResponse<Buffer> wrong = result(http.client.get("/health/batch").bearerTokenAuthentication("nope").send());
    assertThat(wrong.bodyAsString()).doesNotContain("secret stack detail");

    HttpResponse<Buffer> admin = result(http.client.get("/health/batch").bearerTokenAuthentication(TOKEN).send());
    assertThat(admin.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("output"))
      .isEqualTo("secret stack detail");
  }

  @Test
  void detailLevelsHideWhatTheyShould() {
    db.set(ProcedureResult.fail("down"));
    HttpResponse<Buffer> summary = http.get("/health/summary");
    assertThat(summary.statusCode()).isEqualTo(500);
    assertThat(summary.bodyAsJsonObject().getJsonArray("results")).isEmpty();
    assertThat(summary.bodyAsJsonObject().getString("outcome")).isEqualTo("fail");
    assertThat(summary.bodyAsJsonObject().getString("status")).isEqualTo("failure");

    JsonObject named = http.get("/health/names").bodyAsJsonObject().getJsonArray("results").getJsonObject(1);
    assertThat(named.fieldNames()).containsExactlyInAnyOrder("checker", "passed", "status");
    assertThat(named.getString("checker")).isEqualTo("db");
  }

  @Test
  void aCheckNameStillWorksBesideTheProbes() {
    assertThat(checkers(http.get("/health/db"))).containsExactly("db");
    assertThat(http.get("/health/unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void probeOptionsReadFromJsonNameTheField() {
    HealthHandlerOptions options = new HealthHandlerOptions(new JsonObject().put("probes", new JsonObject()
      .put("ready", new JsonObject().put("statusCodes", new JsonObject().put("fail", 500)))
      .put("deep", new JsonObject().put("include", new io.vertx.core.json.JsonArray().add("deep")))));
    assertThat(options.getProbe("ready").getStatusCode(HealthStatus.FAIL)).isEqualTo(500);
    assertThat(options.getProbe("ready").isReadiness()).as("defaults kept").isTrue();
    assertThat(options.getProbe("deep").getInclude()).containsExactly("deep");
    for (JsonObject bad : new JsonObject[]{
      new JsonObject().put("probes", new JsonObject().put("ready", new JsonObject().put("statusCodes",
        new JsonObject().put("fail", 99)))),
      new JsonObject().put("probes", new JsonObject().put("ready", new JsonObject().put("detail", "some"))),
      new JsonObject().put("probes", new JsonObject().put("ready", new JsonObject().put("includ", "x"))),
      new JsonObject().put("probes", new JsonObject().put("live", new JsonObject().put("include", "liveness")))}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HealthHandlerOptions(bad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probes.");
    }
  }
}
