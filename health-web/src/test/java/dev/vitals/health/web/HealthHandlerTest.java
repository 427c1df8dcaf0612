package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The /health contract through a real server on port 0 and a real client. */
@ExtendWith(VertxExtension.class)
class HealthHandlerTest {

  private final MutableClock clock = new MutableClock();
  private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(100);
  private CheckRegistry registry;
  private TestServer http;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      arrived.countDown();
      ctx.next();
    });
    router.get("/app").handler(ctx -> ctx.end("app"));
    router.route("/health*").handler(HealthHandler.create(registry, new HealthHandlerOptions().setHostname("web-1")));
    Router ops = Router.router(vertx);
    HealthHandlerOptions opsOptions = new HealthHandlerOptions();
    opsOptions.getProbe(HealthHandlerOptions.HEALTH).setStatusCode(HealthStatus.FAIL, 500);
    ops.route("/health*").handler(HealthHandler.create(registry, opsOptions));
    router.route("/ops/*").subRouter(ops);
    router.route("/vertx-health*").handler(HealthCheckHandler.createWithHealthChecks(registry));
    http = new TestServer(vertx, router);
    client = http.client;
  }

  @AfterEach
  void tearDown() {
    http.close();
    result(registry.close());
  }

  private HttpResponse<Buffer> send(HttpMethod method, String uri) {
    return result(client.request(method, uri).send());
  }

  private HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri);
  }

  private static Future<ProcedureResult> pass(String output) {
    return Future.succeededFuture(ProcedureResult.pass(output));
  }

  @Test
  void passingChecksGive200WithThePyHealthcheckBody() {
    registry.register(new CheckOptions("db").addTag("readiness"),
      () -> Future.succeededFuture(ProcedureResult.pass("select 1").withData(new JsonObject().put("pool", 5))));
    registry.register(new CheckOptions("cache"), () -> pass("pong"));

    HttpResponse<Buffer> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("hostname", "status", "outcome", "timestamp", "results");
    assertThat(body.getString("hostname")).isEqualTo("web-1");
    assertThat(body.getString("status")).isEqualTo("success");
    assertThat(body.getString("outcome")).isEqualTo("pass");
    assertThat(body.getDouble("timestamp")).isEqualTo(clock.millis() / 1000.0);
    assertThat(response.bodyAsString()).as("epoch seconds written plainly, as py-healthcheck")
      .contains("\"timestamp\":" + clock.instant().getEpochSecond() + ".000");
    JsonArray results = body.getJsonArray("results");
    assertThat(results).hasSize(2);
    JsonObject db = results.getJsonObject(0);
    assertThat(db.fieldNames()).containsExactlyInAnyOrder("checker", "output", "passed", "timestamp", "expires",
      "response_time", "status", "critical", "tags", "stale", "data");
    assertThat(db.getString("checker")).isEqualTo("db");
    assertThat(db.getString("output")).isEqualTo("select 1");
    assertThat(db.getBoolean("passed")).isTrue();
    assertThat(db.getDouble("expires") - db.getDouble("timestamp")).isEqualTo(27.0);
    assertThat(db.getDouble("response_time")).isNotNegative();
    assertThat(db.getString("status")).isEqualTo("pass");
    assertThat(db.getBoolean("critical")).isTrue();
    assertThat(db.getJsonArray("tags")).containsExactly("readiness");
    assertThat(db.getBoolean("stale")).isFalse();
    assertThat(db.getJsonObject("data")).isEqualTo(new JsonObject().put("pool", 5));
    assertThat(results.getJsonObject(1).containsKey("data")).isFalse();
  }

  @Test
  void aCriticalFailureGives503AndANonCriticalOneAWarning() {
    registry.register(new CheckOptions("cache").setCritical(false),
      () -> Future.failedFuture(new java.net.ConnectException("Connection refused")));
    HttpResponse<Buffer> warn = get("/health");
    assertThat(warn.statusCode()).isEqualTo(200);
    assertThat(warn.bodyAsJsonObject().getString("status")).isEqualTo("success");
    assertThat(warn.bodyAsJsonObject().getString("outcome")).isEqualTo("warn");
    JsonObject cache = warn.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
    assertThat(cache.getBoolean("passed")).isFalse();
    assertThat(cache.getString("status")).isEqualTo("fail");
    assertThat(cache.getString("output")).isEqualTo("Connection refused");

    registry.register(new CheckOptions("db"), () -> {
      throw new IllegalStateException("pool exhausted");
    });
    HttpResponse<Buffer> fail = get("/health");
    assertThat(fail.statusCode()).isEqualTo(503);
    assertThat(fail.bodyAsJsonObject().getString("status")).isEqualTo("failure");
    assertThat(fail.bodyAsJsonObject().getString("outcome")).isEqualTo("fail");
    assertThat(fail.bodyAsString()).doesNotContain("at dev.vitals").doesNotContain("Exception:");
  }

  @Test
  void oneCheckOrAGroupByName() {
    registry.register(new CheckOptions("db/primary"), () -> pass("p"));
    registry.register(new CheckOptions("db/replica"), () -> Future.succeededFuture(ProcedureResult.fail("lag")));
    registry.register(new CheckOptions("cache"), () -> pass("c"));

    HttpResponse<Buffer> primary = get("/health/db/primary");
    assertThat(primary.statusCode()).isEqualTo(200);
    assertThat(checkers(primary)).containsExactly("db/primary");

    HttpResponse<Buffer> group = get("/health/db");
    assertThat(group.statusCode()).isEqualTo(503);
    assertThat(checkers(group)).containsExactly("db/primary", "db/replica");

    assertThat(checkers(get("/health/"))).hasSize(3);
  }

  @Test
  void aFailingNonCriticalCheckAnswersByItsOwnStatusByNameAndWarnsTheAggregatesAboveIt() {
    registry.register(new CheckOptions("cache/local").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.fail("cold")));
    registry.register(new CheckOptions("cache/remote").setCritical(false), () -> pass("pong"));
    registry.register(new CheckOptions("db"), () -> pass("select 1"));

    for (String mount : List.of("/health", "/ops/health")) {
      int failCode = mount.equals("/health") ? 503 : 500; // the health path's own code for fail
      HttpResponse<Buffer> all = get(mount);
      assertThat(all.statusCode()).as(mount).isEqualTo(200);
      assertThat(all.bodyAsJsonObject().getString("outcome")).isEqualTo("warn");
      HttpResponse<Buffer> group = get(mount + "/cache");
      assertThat(group.statusCode()).as("a group of non-critical checks is an aggregate").isEqualTo(200);
      assertThat(group.bodyAsJsonObject().getString("status")).isEqualTo("success");
      assertThat(group.bodyAsJsonObject().getString("outcome")).isEqualTo("warn");

      HttpResponse<Buffer> one = get(mount + "/cache/local");
      assertThat(one.statusCode()).as(mount + "/cache/local").isEqualTo(failCode);
      assertThat(one.bodyAsJsonObject().getString("status")).isEqualTo("failure");
      assertThat(one.bodyAsJsonObject().getString("outcome")).isEqualTo("fail");
      assertThat(one.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getBoolean("critical")).isFalse();
      assertThat(send(HttpMethod.HEAD, mount + "/cache/local").statusCode()).isEqualTo(failCode);
      HttpResponse<Buffer> vertx = get(mount + "/cache/local?format=vertx");
      assertThat(vertx.statusCode()).isEqualTo(failCode);
      assertThat(vertx.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
      assertThat(vertx.bodyAsJsonObject().getString("outcome")).isEqualTo("DOWN");
      HttpResponse<Buffer> healthJson = get(mount + "/cache/local?format=health%2Bjson");
      assertThat(healthJson.statusCode()).isEqualTo(failCode);
      assertThat(healthJson.bodyAsJsonObject().getString("status")).isEqualTo("fail");

      HttpResponse<Buffer> passing = get(mount + "/cache/remote");
      assertThat(passing.statusCode()).isEqualTo(200);
      assertThat(passing.bodyAsJsonObject().getString("outcome")).isEqualTo("pass");
    }

    assertThat(get("/vertx-health").statusCode()).as("vertx-web's handler over the registry").isEqualTo(200);
    assertThat(get("/vertx-health/cache").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> upstream = get("/vertx-health/cache/local");
    assertThat(upstream.statusCode()).isEqualTo(503);
    assertThat(upstream.bodyAsJsonObject().getString("outcome")).isEqualTo("DOWN");
  }

  private static List<String> checkers(HttpResponse<Buffer> response) {
    List<String> names = new ArrayList<>();
    response.bodyAsJsonObject().getJsonArray("results").forEach(r -> names.add(((JsonObject) r).getString("checker")));
    return names;
  }

  @Test
  void anUnknownNameGives404WithAJsonError() {
    registry.register(new CheckOptions("db"), () -> pass("p"));
    HttpResponse<Buffer> response = get("/health/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject())
      .isEqualTo(new JsonObject().put("error", "Check not found: nope").put("status", 404));
  }

  @Test
  void headGivesTheSameCodeAndHeadersWithoutABody() {
    registry.register(new CheckOptions("db"), () -> Future.succeededFuture(ProcedureResult.fail("down")));
    HttpResponse<Buffer> get = get("/health");
    HttpResponse<Buffer> head = send(HttpMethod.HEAD, "/health");
    assertThat(head.statusCode()).isEqualTo(503).isEqualTo(get.statusCode());
    assertThat(head.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(head.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(head.body()).isNull();
    assertThat(send(HttpMethod.HEAD, "/health/nope").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void otherMethodsGive405WithAllow(String method) {
    HttpResponse<Buffer> response = send(HttpMethod.valueOf(method), "/health");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(405);
    assertThat(response.bodyAsJsonObject().getString("error")).contains(method);
  }

  @Test
  void worksUnderASubRouterWithItsOwnStatusCodes() {
    registry.register(new CheckOptions("db/primary"), () -> Future.succeededFuture(ProcedureResult.fail("down")));
    HttpResponse<Buffer> all = get("/ops/health");
    assertThat(all.statusCode()).as("fail code configured to 500").isEqualTo(500);
    assertThat(checkers(all)).containsExactly("db/primary");
    assertThat(checkers(get("/ops/health/db/primary"))).containsExactly("db/primary");
    assertThat(get("/ops/health/nope").statusCode()).isEqualTo(404);
    assertThat(get("/app").bodyAsString()).isEqualTo("app");
  }

  @Test
  void isADropInForVertxWebsHealthCheckHandler() {
    registry.register("db/primary", p -> p.complete(io.vertx.ext.healthchecks.Status.OK()));
    registry.register(new CheckOptions("cache"), () -> Future.succeededFuture(ProcedureResult.fail("down")));

    HttpResponse<Buffer> all = get("/vertx-health");
    assertThat(all.statusCode()).isEqualTo(503);
    JsonObject body = all.bodyAsJsonObject();
    assertThat(body.getString("outcome")).isEqualTo("DOWN");
    assertThat(body.getJsonArray("checks")).hasSize(2);

    HttpResponse<Buffer> one = get("/vertx-health/db/primary");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.bodyAsJsonObject()).isEqualTo(new JsonObject().put("id", "primary").put("status", "UP")
      .put("outcome", "UP"));
    assertThat(get("/vertx-health/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void aHundredConcurrentRequestsOnAnExpiredEntryRunTheCheckOnce() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    List<Promise<ProcedureResult>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
    registry.register(new CheckOptions("slow").setMaxStale(0), () -> {
      runs.incrementAndGet();
      Promise<ProcedureResult> p = Promise.promise();
      pending.add(p);
      return p.future();
    });
    List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      requests.add(client.get("/health").send());
    }
    // All 100 are in the server, waiting on the one run, before it completes.
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(requests).noneMatch(Future::isComplete);
    pending.get(0).complete(ProcedureResult.pass("once"));
    for (Future<HttpResponse<Buffer>> request : requests) {
      HttpResponse<Buffer> response = result(request);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("output"))
        .isEqualTo("once");
    }
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void anExpiredResultIsServedStaleWhileASlowCheckRefreshes() {
    AtomicInteger runs = new AtomicInteger();
    Promise<ProcedureResult> refresh = Promise.promise();
    registry.register(new CheckOptions("slow").setMaxStale(60_000), () ->
      runs.incrementAndGet() == 1 ? pass("first") : refresh.future());
    get("/health");
    clock.advanceMillis(30_000);

    JsonObject stale = get("/health").bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
    assertThat(stale.getBoolean("stale")).isTrue();
    assertThat(stale.getString("output")).isEqualTo("first");
    get("/health");
    assertThat(runs.get()).isEqualTo(2);

    refresh.complete(ProcedureResult.pass("second"));
    JsonObject fresh = get("/health").bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
    assertThat(fresh.getBoolean("stale")).isFalse();
    assertThat(fresh.getString("output")).isEqualTo("second");
  }
}
