package dev.vitals.health.web;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.fleet.FleetMaintenance;
import dev.vitals.health.fleet.FleetMember;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.NodeStatus;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.web.fleet.FleetHandler;
import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.probes.Detail;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.ProbeOptions;
import dev.vitals.health.web.status.MaintenanceHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /health/fleet} and {@code ?scope=fleet} maintenance through a real server, over a fleet the test sets. */
@ExtendWith(VertxExtension.class)
class FleetHandlerTest {

  private static final String TOKEN = "s3cret-admin";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  /** A source whose view the test sets; tells its listeners on each set. */
  private static final class SetSource implements FleetSource {
    private final List<Handler<FleetView>> listeners = new ArrayList<>();
    private volatile FleetView view = new FleetView("test", List.of(), NOW, false, null);
    int reads;

    void set(FleetView next) {
      view = next;
      listeners.forEach(listener -> listener.handle(next));
    }

    @Override
    public FleetView view() {
      reads++;
      return view;
    }

    @Override
    public FleetSource addListener(Handler<FleetView> listener) {
      listeners.add(listener);
      return this;
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private final SetSource source = new SetSource();
  private final List<String> fleetCalls = new ArrayList<>();
  private TestServer http;
  private CheckRegistry registry;

  @BeforeEach
  void setUp(Vertx vertx) {
    FleetMaintenance fleet = new FleetMaintenance() {
      @Override
      public Future<JsonObject> enable(String reason) {
        fleetCalls.add("enable " + reason);
        return Future.succeededFuture(new JsonObject().put("scope", "fleet").put("status", "maintenance")
          .put("reason", reason).put("reached", 2).put("total", 3));
      }

      @Override
      public Future<JsonObject> disable() {
        fleetCalls.add("disable");
        return Future.succeededFuture(new JsonObject().put("scope", "fleet").put("status", "ok").put("reached", 3)
          .put("total", 3));
      }
    };
    AdminTokenHandler admin = AdminTokenHandler.create(TOKEN);
    Router router = Router.router(vertx);
    router.route("/health/fleet").handler(FleetHandler.create(source, Quorum.count(2))
      .detail(new ProbeOptions().setFailureDetails(FailureDetails.AUTHENTICATED)).authenticatedBy(admin::verify));
    router.route("/names/fleet").handler(FleetHandler.create(source, Quorum.count(2))
      .detail(new ProbeOptions().setDetail(Detail.NAMES)).authenticatedBy(admin::verify));
    router.route("/status-only/fleet").handler(FleetHandler.create(source, Quorum.count(2))
      .detail(new ProbeOptions().setDetail(Detail.STATUS)));
    router.route("/status/maintenance").handler(BodyHandler.create().setBodyLimit(1024)).handler(admin);
    router.route("/status/maintenance").handler(MaintenanceHandler.create(MaintenanceSource.local(),
      new ApplicationOptions().setName("orders")).fleet(fleet));
    router.route("/local/maintenance").handler(BodyHandler.create().setBodyLimit(1024))
      .handler(MaintenanceHandler.create(MaintenanceSource.local(), new ApplicationOptions().setName("orders")));
    http = new TestServer(vertx, router);
    registry = CheckRegistry.create(vertx);
  }

  @AfterEach
  void tearDown() {
    http.close();
    result(registry.close());
  }

  private static FleetMember member(String instance, boolean ready, FleetMember.State state) {
    List<NodeStatus.Failing> failing = ready ? List.of()
      : List.of(new NodeStatus.Failing("db", HealthStatus.FAIL, "password authentication failed"));
    NodeStatus status = new NodeStatus("id-" + instance, "orders", instance, ready ? HealthStatus.PASS : HealthStatus.FAIL,
      ready, Map.of("ready", ready ? HealthStatus.PASS : HealthStatus.FAIL), failing, false, null, NOW.minusMillis(900));
    return new FleetMember(status, NOW.minusMillis(1_200), state, instance.equals("a"));
  }

  private static FleetView view(FleetMember... members) {
    return new FleetView("cluster", List.of(members), NOW, false, null);
  }

  @Test
  void answers200WhileTheQuorumIsMetAnd503WhenNot() {
    source.set(view(member("a", true, FleetMember.State.UP), member("b", true, FleetMember.State.UP),
      member("c", false, FleetMember.State.UP)));

    HttpResponse<Buffer> met = http.get("/health/fleet");

    assertThat(met.statusCode()).isEqualTo(200);
    assertThat(met.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(met.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject body = met.bodyAsJsonObject();
    assertThat(body.getInteger("total")).isEqualTo(3);
    assertThat(body.getInteger("ready")).isEqualTo(2);
    assertThat(body.getJsonObject("quorum")).isEqualTo(new JsonObject().put("required", 2).put("min", 2).put("met", true));
    JsonObject c = body.getJsonArray("nodes").getJsonObject(2);
    assertThat(c.getString("instance")).isEqualTo("c");
    assertThat(c.getLong("ageMs")).isEqualTo(1_200);
    assertThat(c.getString("state")).isEqualTo("up");
    assertThat(c.getJsonArray("failing").getJsonObject(0).getMap()).containsEntry("name", "db").doesNotContainKey("output");

    source.set(view(member("a", true, FleetMember.State.UP), member("b", true, FleetMember.State.LEFT),
      member("c", false, FleetMember.State.MISSING)));

    // Rendered again once 100 ms have passed since the last rendering.
    HttpResponse<Buffer> notMet = dev.vitals.health.test.Await.poll(() -> http.get("/health/fleet"),
      r -> r.statusCode() == 503, HttpResponse::bodyAsString);
    assertThat(notMet.bodyAsJsonObject().getInteger("total")).isEqualTo(2);
    assertThat(notMet.bodyAsJsonObject().getInteger("ready")).isEqualTo(1);
    assertThat(notMet.bodyAsJsonObject().getJsonArray("nodes").getJsonObject(1).getString("state")).isEqualTo("left");
  }

  @Test
  void oneRenderingServesRequestsUntilTheViewChangesOr250MsPass(Vertx vertx) {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    SetSource counted = new SetSource();
    Router router = Router.router(vertx);
    router.route("/fleet")
      .handler(new dev.vitals.health.web.fleet.impl.FleetHandlerImpl(counted, Quorum.count(1), nanos::get));
    try (TestServer server = new TestServer(vertx, router)) {
      counted.set(view(member("a", true, FleetMember.State.UP)));
      for (int i = 0; i < 20; i++) {
        server.get("/fleet");
      }
      assertThat(counted.reads).isEqualTo(1);
      counted.set(view(member("a", false, FleetMember.State.UP)));
      assertThat(server.get("/fleet").statusCode()).as("a change within 100 ms of the last rendering waits").isEqualTo(200);
      nanos.addAndGet(100_000_000);
      assertThat(server.get("/fleet").statusCode()).as("a change is rendered 100 ms after the last rendering").isEqualTo(503);
      assertThat(counted.reads).isEqualTo(2);
      nanos.addAndGet(250_000_001);
      server.get("/fleet");
      assertThat(counted.reads).as("a rendering is 250 ms old at most (ageMs, missing)").isEqualTo(3);
    }
  }

  @Test
  void outputsOfFailingChecksOnlyForTheAdminToken() {
    source.set(view(member("a", false, FleetMember.State.UP)));

    HttpResponse<Buffer> admin = result(http.client.get("/health/fleet").bearerTokenAuthentication(TOKEN).send());
    assertThat(admin.bodyAsJsonObject().getJsonArray("nodes").getJsonObject(0).getJsonArray("failing").getJsonObject(0)
      .getString("output")).isEqualTo("password authentication failed");
    HttpResponse<Buffer> wrong = result(http.client.get("/health/fleet").bearerTokenAuthentication("guess").send());
    assertThat(wrong.bodyAsString()).doesNotContain("password authentication failed");
    // The /health probe's detail level applies as on /health: names only, or the status only.
    HttpResponse<Buffer> names = result(http.client.get("/names/fleet").bearerTokenAuthentication(TOKEN).send());
    assertThat(names.bodyAsString()).contains("\"db\"").doesNotContain("password authentication failed");
    JsonObject statusOnly = result(http.client.get("/status-only/fleet").send()).bodyAsJsonObject();
    assertThat(statusOnly.getJsonArray("nodes").getJsonObject(0).getMap()).doesNotContainKeys("failing", "probes")
      .containsEntry("failingCount", 1).containsEntry("ready", false);
  }

  @Test
  void headHasNoBodyAndOtherMethodsAre405() {
    source.set(view(member("a", true, FleetMember.State.UP), member("b", true, FleetMember.State.UP)));
    HttpResponse<Buffer> head = result(http.request(HttpMethod.HEAD, "/health/fleet").send());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isNull();
    assertThat(Integer.parseInt(head.getHeader("Content-Length"))).isPositive();

    HttpResponse<Buffer> post = result(http.request(HttpMethod.POST, "/health/fleet").send());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(post.bodyAsJsonObject().getInteger("status")).isEqualTo(405);
  }

  @Test
  void scopeFleetSwitchesTheFleetAndSaysWhoMissedIt() {
    HttpResponse<Buffer> partial = result(http.client.put("/status/maintenance?scope=fleet")
      .bearerTokenAuthentication(TOKEN).sendJsonObject(new JsonObject().put("reason", "deploying v2")));
    assertThat(partial.statusCode()).isEqualTo(502);
    assertThat(partial.bodyAsJsonObject().getString("error")).isEqualTo("1 of 3 instances did not switch");
    assertThat(partial.bodyAsJsonObject().getString("reason")).isEqualTo("deploying v2");

    HttpResponse<Buffer> ended = result(http.client.delete("/status/maintenance?scope=fleet")
      .bearerTokenAuthentication(TOKEN).send());
    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(ended.bodyAsJsonObject().getString("status")).isEqualTo("ok");
    assertThat(fleetCalls).containsExactly("enable deploying v2", "disable");

    HttpResponse<Buffer> unknown = result(http.client.put("/status/maintenance?scope=world")
      .bearerTokenAuthentication(TOKEN).send());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("scope: expected local or fleet, got 'world'");
    HttpResponse<Buffer> noToken = result(http.client.put("/status/maintenance?scope=fleet").send());
    assertThat(noToken.statusCode()).isEqualTo(401);
    HttpResponse<Buffer> noFleet = result(http.client.put("/local/maintenance?scope=fleet").send());
    assertThat(noFleet.statusCode()).isEqualTo(400);
    assertThat(noFleet.bodyAsJsonObject().getString("error")).contains("fleet.source cluster");
    assertThat(fleetCalls).hasSize(2);
  }

  @Test
  void theLocalNodeSignalsEveryRunAlsoWhileACheckFlaps() {
    java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean();
    registry.register(new CheckOptions("flaky").setSuccessTtl(0).setFailureTtl(0), () -> Future.succeededFuture(
      up.getAndSet(!up.get()) ? ProcedureResult.pass() : ProcedureResult.fail("down")));
    HealthHandler health = HealthHandler.create(registry);
    LocalNode local = FleetHandler.localNode(health, registry, MaintenanceSource.local(), "orders", "a",
      new ProbeOptions());
    java.util.concurrent.atomic.AtomicInteger signals = new java.util.concurrent.atomic.AtomicInteger();
    local.onChange(v -> signals.incrementAndGet());
    List<HealthStatus> seen = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int before = signals.get();
      result(registry.report());
      assertThat(signals.get()).as("run %d is signalled", i).isGreaterThan(before);
      seen.add(local.status("n").outcome());
    }
    // The registry holds back a flapping check's changes; the node's status still follows each run.
    assertThat(registry.history("flaky").flapping()).isTrue();
    assertThat(seen.subList(25, 30)).contains(HealthStatus.PASS, HealthStatus.FAIL);
  }

  @Test
  void theLocalNodeReportsTheHealthHandlersProbesFailingChecksAndMaintenance() {
    MaintenanceSource maintenance = MaintenanceSource.local();
    registry.register(new CheckOptions("db").setTags(java.util.Set.of("readiness")),
      () -> Future.succeededFuture(ProcedureResult.fail("Connection refused")));
    registry.register(new CheckOptions("cache").setCritical(false), () -> Future.succeededFuture(ProcedureResult.fail("slow")));
    result(registry.report());
    HealthHandler health = HealthHandler.create(registry).maintenance(maintenance);
    LocalNode local = FleetHandler.localNode(health, registry, maintenance, "orders", "host-a:8080", new ProbeOptions());
    List<String> changes = new ArrayList<>();
    local.onChange(v -> changes.add("changed"));

    NodeStatus failing = local.status("n1");
    assertThat(failing.node()).isEqualTo("n1");
    assertThat(failing.instance()).isEqualTo("host-a:8080");
    assertThat(failing.outcome()).isEqualTo(HealthStatus.FAIL);
    assertThat(failing.ready()).isFalse();
    assertThat(failing.probes()).containsEntry("live", HealthStatus.PASS).containsEntry("ready", HealthStatus.FAIL);
    assertThat(failing.failing()).containsExactly(new NodeStatus.Failing("db", HealthStatus.FAIL, "Connection refused"),
      new NodeStatus.Failing("cache", HealthStatus.FAIL, "slow")); // as /health shows it: fail, not critical

    registry.unregister("db");
    result(maintenance.enable("deploying"));
    NodeStatus inMaintenance = local.status("n1");
    assertThat(inMaintenance.maintenance()).isTrue();
    assertThat(inMaintenance.reason()).isEqualTo("deploying");
    assertThat(inMaintenance.ready()).isFalse();
    assertThat(changes).isNotEmpty();

    // It publishes no more than its own /health shows: names without outputs, or only the count.
    result(maintenance.disable());
    LocalNode names = FleetHandler.localNode(health, registry, maintenance, "orders", "a",
      new ProbeOptions().setFailureDetails(FailureDetails.AUTHENTICATED));
    assertThat(names.status("n1").failing()).containsExactly(new NodeStatus.Failing("cache", HealthStatus.FAIL, ""));
    LocalNode count = FleetHandler.localNode(health, registry, maintenance, "orders", "a",
      new ProbeOptions().setDetail(Detail.STATUS));
    assertThat(count.status("n1").failing()).isEmpty();
    assertThat(count.status("n1").failingCount()).isEqualTo(1);
    // And only the checks its health probe selects.
    LocalNode selected = FleetHandler.localNode(health, registry, maintenance, "orders", "a",
      new ProbeOptions().setExclude(java.util.Set.of("optional")));
    registry.register(new CheckOptions("extra").setTags(java.util.Set.of("optional")),
      () -> Future.succeededFuture(ProcedureResult.fail("ignored")));
    result(registry.report());
    assertThat(selected.status("n1").failing()).extracting(NodeStatus.Failing::name).containsExactly("cache");
  }
}
