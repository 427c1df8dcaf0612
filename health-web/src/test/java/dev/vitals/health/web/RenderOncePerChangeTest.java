package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HealthReport;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.probes.FailureDetails;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.probes.impl.HealthHandlerImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /health is rendered once per change of the results it shows and the same bytes are sent until then; what is
 * kept is bounded by what is registered, whatever paths clients send (issue 13, defect 2).
 */
@ExtendWith(VertxExtension.class)
class RenderOncePerChangeTest {

  /** The vitals body, counting its renderings; {@code ?format=counted}. */
  private static final class CountedFormat implements HealthFormat {
    final AtomicInteger renders = new AtomicInteger();
    private final HealthFormat vitals = HealthFormat.vitals();

    @Override
    public String name() {
      return "counted";
    }

    @Override
    public String mediaType() {
      return "application/x.counted+json";
    }

    @Override
    public Buffer render(HealthReport report, FormatContext context) {
      renders.incrementAndGet();
      return vitals.render(report, context);
    }
  }

  private final MutableClock clock = new MutableClock();
  private final CountedFormat counted = new CountedFormat();
  private final AtomicReference<ProcedureResult> db = new AtomicReference<>(ProcedureResult.pass("one"));
  private final AtomicInteger dbRuns = new AtomicInteger();
  private CheckRegistry registry;
  private MaintenanceSource maintenance;
  private HealthHandlerImpl handler;
  private TestServer http;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    registry.register(new CheckOptions("db").addTag("readiness").setSuccessTtl(10_000).setMaxStale(5_000), () -> {
      dbRuns.incrementAndGet();
      return Future.succeededFuture(db.get());
    });
    registry.register(new CheckOptions("heap").addTag("liveness"), () -> Future.succeededFuture(ProcedureResult.pass()));
    registry.register(new CheckOptions("queue/orders"), () -> Future.succeededFuture(ProcedureResult.pass()));
    registry.register(new CheckOptions("queue/billing"), () -> Future.succeededFuture(ProcedureResult.pass()));
    maintenance = MaintenanceSource.local();
    handler = (HealthHandlerImpl) HealthHandler.create(registry).addFormat(counted).maintenance(maintenance);
    Router router = Router.router(vertx);
    router.route("/health*").handler(handler);
    http = new TestServer(vertx, router);
  }

  @AfterEach
  void tearDown() {
    http.close();
    result(registry.close());
  }

  private HttpResponse<Buffer> get(String uri) {
    return http.get(uri);
  }

  private HttpResponse<Buffer> counted(String path) {
    return get(path + "?format=counted");
  }

  @Test
  void renderedOnceAndTheSameBytesSentUntilAResultChanges() {
    Buffer first = counted("/health").body();
    clock.advanceMillis(9_000); // still fresh
    for (int i = 0; i < 50; i++) {
      assertThat(counted("/health").body()).isEqualTo(first);
    }
    assertThat(send(HttpMethod.HEAD, "/health?format=counted").getHeader("Content-Length"))
      .isEqualTo(Integer.toString(first.length()));
    assertThat(counted.renders).hasValue(1);
    assertThat(dbRuns).hasValue(1);

    clock.advanceMillis(1_000); // db expires: served stale once, while its refresh runs
    db.set(ProcedureResult.pass("two"));
    JsonObject stale = resultOf(counted("/health"), "db");
    assertThat(stale.getBoolean("stale")).isTrue();
    assertThat(stale.getString("output")).isEqualTo("one");
    assertThat(counted.renders).hasValue(2);

    JsonObject fresh = resultOf(counted("/health"), "db");
    assertThat(fresh.getBoolean("stale")).isFalse();
    assertThat(fresh.getString("output")).isEqualTo("two");
    for (int i = 0; i < 10; i++) {
      counted("/health");
    }
    assertThat(counted.renders).as("stale flip, then the new result: one rendering each").hasValue(3);
    assertThat(dbRuns).hasValue(2);
  }

  @Test
  void theTopLevelTimestampIsTheNewestResultsSoTheSameResultsGiveTheSameBody() {
    long ranAt = clock.millis();
    HttpResponse<Buffer> first = get("/health");
    clock.advanceMillis(3_000);
    HttpResponse<Buffer> later = get("/health");
    assertThat(later.body()).isEqualTo(first.body());
    assertThat(later.bodyAsJsonObject().getDouble("timestamp")).isEqualTo(ranAt / 1000.0);
  }

  @Test
  void aReadinessBodyChangesWithMaintenanceAndDrain() {
    assertThat(counted("/health/ready").statusCode()).isEqualTo(200);
    counted("/health/ready");
    assertThat(counted.renders).hasValue(1);

    result(maintenance.enable("kernel upgrade"));
    HttpResponse<Buffer> inMaintenance = counted("/health/ready");
    assertThat(inMaintenance.statusCode()).isEqualTo(503);
    assertThat(resultOf(inMaintenance, "maintenance").getString("output")).isEqualTo("in maintenance: kernel upgrade");
    counted("/health/ready");
    assertThat(counted.renders).hasValue(2);

    result(maintenance.disable());
    assertThat(counted("/health/ready").statusCode()).isEqualTo(200);
    handler.startDrain();
    HttpResponse<Buffer> draining = counted("/health/ready");
    assertThat(draining.statusCode()).isEqualTo(503);
    assertThat(resultOf(draining, "shutdown").getString("output")).isEqualTo("shutting down");
    counted("/health/ready");
    assertThat(counted.renders).hasValue(4);
    assertThat(counted("/health/live").statusCode()).as("liveness ignores drain").isEqualTo(200);
  }

  @Test
  void authorisedAndUnauthorisedDetailAreKeptApart(Vertx vertx) {
    CheckRegistry own = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    own.register(new CheckOptions("batch"), () -> Future.succeededFuture(ProcedureResult.fail("secret detail")));
    HealthHandlerOptions options = new HealthHandlerOptions();
    options.getProbe(HealthHandlerOptions.HEALTH).setFailureDetails(FailureDetails.AUTHENTICATED);
    HealthHandlerImpl guarded = (HealthHandlerImpl) HealthHandler.create(own, options)
      .authenticatedBy(ctx -> "yes".equals(ctx.request().getHeader("X-Admin")));
    Router router = Router.router(vertx);
    router.route("/health*").handler(guarded);
    try (TestServer server = new TestServer(vertx, router)) {
      for (int i = 0; i < 3; i++) {
        assertThat(server.get("/health").bodyAsString()).doesNotContain("secret detail");
        assertThat(result(server.request(HttpMethod.GET, "/health").putHeader("X-Admin", "yes").send()).bodyAsString())
          .contains("secret detail");
      }
      assertThat(guarded.renderedCount()).isEqualTo(2);
    } finally {
      result(own.close());
    }
  }

  @Test
  void distinctSpellingsOfOneNameShareOneEntryAndUnknownNamesKeepNothing() {
    Random random = new Random(13);
    String[] separators = {"/", "//", "/%20/", "/%09//", "/%20%09/"};
    String[] tails = {"", "/", "//", "/%20", "/%09", "/%20%09/", "/%09/%20//"};
    List<String> names = List.of("heap", "db", "queue", "queue/orders");
    Set<String> sent = new java.util.HashSet<>();
    for (int i = 0; i < 1_000 && sent.size() < 400; i++) {
      String name = names.get(i % names.size()).replace("/", separators[random.nextInt(separators.length)]);
      StringBuilder path = new StringBuilder("/health").append(separators[random.nextInt(separators.length)])
        .append(name);
      for (int n = random.nextInt(4); n >= 0; n--) {
        path.append(tails[random.nextInt(tails.length)]);
      }
      if (sent.add(path.toString())) {
        HttpResponse<Buffer> response = get(path.toString());
        assertThat(response.statusCode()).as(path.toString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonArray("results")).isNotEmpty();
      }
    }
    assertThat(sent).hasSizeGreaterThan(300);
    for (int i = 0; i < 200; i++) {
      assertThat(get("/health/nope-" + i + "/%20").statusCode()).isEqualTo(404);
    }
    assertThat(handler.renderedCount()).as("one body per registered name asked for").isEqualTo(names.size());
  }

  @Test
  void bodiesOfUnregisteredChecksAreDropped() {
    for (int i = 0; i < 100; i++) {
      registry.register(new CheckOptions("temp/" + i), () -> Future.succeededFuture(ProcedureResult.pass()));
      assertThat(get("/health/temp/" + i).statusCode()).isEqualTo(200);
      assertThat(get("/health/temp/" + i + "?format=vertx").statusCode()).isEqualTo(200);
      registry.unregister("temp/" + i);
    }
    assertThat(get("/health/temp/99").statusCode()).isEqualTo(404);
    // formats × (probes + names) × 2: 4 formats, 4 probes, at most 7 names (db, heap, queue, queue/orders,
    // queue/billing, temp, temp/<i>) at any time; 200 bodies without the bound
    assertThat(handler.renderedCount()).isLessThanOrEqualTo(4 * (4 + 7) * 2);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String uri) {
    return result(http.request(method, uri).send());
  }

  private static JsonObject resultOf(HttpResponse<Buffer> response, String checker) {
    return response.bodyAsJsonObject().getJsonArray("results").stream().map(JsonObject.class::cast)
      .filter(r -> r.getString("checker").equals(checker)).findFirst().orElseThrow();
  }
}
