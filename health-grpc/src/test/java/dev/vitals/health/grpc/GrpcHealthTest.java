package dev.vitals.health.grpc;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.grpc.test.GrpcHealthClient;
import dev.vitals.health.grpc.test.GrpcHealthClient.Watching;
import dev.vitals.health.test.MutableClock;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code grpc.health.v1.Health} on the HTTP server that serves {@code /health}, asked through Vert.x's gRPC client
 * with the protoc-generated messages of vertx-grpc-health (not the module's own codec).
 */
@ExtendWith(VertxExtension.class)
class GrpcHealthTest {

  private final MutableClock clock = new MutableClock();
  private final AtomicReference<ProcedureResult> db = new AtomicReference<>(ProcedureResult.pass("up"));
  private final AtomicInteger dbRuns = new AtomicInteger();
  private CheckRegistry registry;
  private MaintenanceSource maintenance;
  private HealthHandler health;
  private GrpcHealth grpc;
  private HttpServer server;
  private GrpcHealthClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock));
    registry.register(new CheckOptions("db/primary").addTag("readiness").setSuccessTtl(10_000).setFailureTtl(10_000)
      .setMaxStale(0), () -> {
        dbRuns.incrementAndGet();
        return Future.succeededFuture(db.get());
      });
    registry.register(new CheckOptions("heap").addTag("liveness"), () -> Future.succeededFuture(ProcedureResult.pass()));
    registry.register(new CheckOptions("cache").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.fail("cold")));
    maintenance = MaintenanceSource.local();
    health = HealthHandler.create(registry).maintenance(maintenance);
    grpc = GrpcHealth.create(vertx, health, new GrpcHealthOptions().setMaxWatches(3));
    Router router = Router.router(vertx);
    router.route("/health*").handler(health);
    grpc.mount(router);
    server = result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = new GrpcHealthClient(vertx, server.actualPort());
  }

  @AfterEach
  void tearDown() {
    client.close();
    result(grpc.close());
    result(server.close());
    result(registry.close());
  }

  private ServingStatus check(String service) {
    return client.serving(service);
  }

  @Test
  void checkAnswersTheOverallProbeAProbeAndACheckFromTheCache() {
    assertThat(check("")).isEqualTo(ServingStatus.SERVING); // cache fails, but is not critical: warn
    assertThat(check("live")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("ready")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("started")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("db/primary")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("db")).isEqualTo(ServingStatus.SERVING); // a group
    assertThat(check("cache")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(dbRuns).as("every Check read the cached result").hasValue(1);

    db.set(ProcedureResult.fail("connection refused"));
    clock.advanceMillis(9_999);
    assertThat(check("db/primary")).as("still the cached result").isEqualTo(ServingStatus.SERVING);
    assertThat(dbRuns).hasValue(1);
    clock.advanceMillis(1);
    assertThat(check("db/primary")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check("")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check("ready")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check("live")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("started")).as("latched, as /health/started").isEqualTo(ServingStatus.SERVING);
    assertThat(dbRuns).hasValue(2);
  }

  @Test
  void httpAndGrpcGiveOneAnswerForAFailingNonCriticalCheckByName(Vertx vertx) {
    registry.register(new CheckOptions("queue/orders").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.fail("broker unreachable")));
    registry.register(new CheckOptions("queue/audit").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.pass()));

    for (String name : List.of("cache", "queue/orders")) {
      HttpResponse<Buffer> http = http1(vertx, "/health/" + name);
      assertThat(http.statusCode()).as(name).isEqualTo(503);
      assertThat(http.bodyAsJsonObject().getString("outcome")).isEqualTo("fail");
      assertThat(check(name)).as(name).isEqualTo(ServingStatus.NOT_SERVING);
    }
    // Criticality decides the aggregates above them: the whole, and a group even of non-critical checks only.
    for (String aggregate : List.of("", "queue")) {
      HttpResponse<Buffer> http = http1(vertx, "/health/" + aggregate);
      assertThat(http.statusCode()).as("/health/" + aggregate).isEqualTo(200);
      assertThat(http.bodyAsJsonObject().getString("outcome")).isEqualTo("warn");
      assertThat(check(aggregate)).as("'" + aggregate + "'").isEqualTo(ServingStatus.SERVING);
    }
    Watching cache = client.watch("cache");
    cache.awaitReceived(ServingStatus.NOT_SERVING);
  }

  @Test
  void anUnknownServiceIsNotFound() {
    for (String unknown : List.of("nope", "db/primary/below", "grpc.health.v1.Health")) {
      GrpcHealthClient.Answer answer = client.check(unknown);
      assertThat(answer.status()).as(unknown).isEqualTo(GrpcStatus.NOT_FOUND);
      assertThat(answer.message()).isEqualTo("unknown service: " + unknown);
      assertThat(answer.serving()).isNull();
    }
  }

  @Test
  void readinessFollowsMaintenanceAsHttpDoes(Vertx vertx) {
    result(maintenance.enable("kernel upgrade"));
    assertThat(check("ready")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check("live")).isEqualTo(ServingStatus.SERVING);
    assertThat(check("db/primary")).isEqualTo(ServingStatus.SERVING);
    assertThat(http1(vertx, "/health/ready").statusCode()).isEqualTo(503);
    result(maintenance.disable());
    assertThat(check("ready")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void watchSendsTheCurrentStatusThenEveryChange() {
    Watching ready = client.watch("ready");
    Watching primary = client.watch("db/primary");
    ready.awaitReceived(ServingStatus.SERVING);
    primary.awaitReceived(ServingStatus.SERVING);

    db.set(ProcedureResult.fail("connection refused"));
    clock.advanceMillis(10_000);
    assertThat(check("live")).isEqualTo(ServingStatus.SERVING); // runs nothing of db: no change yet
    assertThat(ready.received()).containsExactly(ServingStatus.SERVING);
    assertThat(check("db/primary")).isEqualTo(ServingStatus.NOT_SERVING); // the refresh that sees the failure
    ready.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
    primary.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);

    result(maintenance.enable("kernel upgrade")); // no change of the gRPC status: nothing sent
    db.set(ProcedureResult.warn("slow"));
    clock.advanceMillis(10_000);
    check("db/primary");
    primary.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING, ServingStatus.SERVING);
    result(maintenance.disable());
    ready.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING, ServingStatus.SERVING);
    assertThat(primary.ended() || ready.ended()).isFalse();
  }

  @Test
  void watchOfAnUnknownServiceSaysSoAndStaysOpenUntilItIsRegistered() {
    Watching later = client.watch("queue");
    later.awaitReceived(ServingStatus.SERVICE_UNKNOWN);
    registry.register(new CheckOptions("queue"), () -> Future.succeededFuture(ProcedureResult.fail("full")));
    assertThat(check("queue")).isEqualTo(ServingStatus.NOT_SERVING); // its first result, a failure, is a change
    later.awaitReceived(ServingStatus.SERVICE_UNKNOWN, ServingStatus.NOT_SERVING);
    assertThat(later.ended()).isFalse();
  }

  @Test
  void drainingFailsReadinessOnWatchAndCheckBeforeTheServerStops() {
    Watching ready = client.watch("ready");
    Watching live = client.watch("live");
    ready.awaitReceived(ServingStatus.SERVING);
    live.awaitReceived(ServingStatus.SERVING);

    health.startDrain();
    ready.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
    assertThat(check("ready")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(check("live")).isEqualTo(ServingStatus.SERVING);
    assertThat(live.received()).containsExactly(ServingStatus.SERVING);

    result(grpc.close()); // after the drain delay: open streams end, so the server's shutdown need not wait
    assertThat(ready.awaitEnd()).isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(live.awaitEnd()).isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(grpc.watches()).isZero();
    Watching refused = client.watch("ready");
    assertThat(refused.awaitEnd()).isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(refused.received()).isEmpty();
    assertThat(check("ready")).as("Check still answers until the server stops").isEqualTo(ServingStatus.NOT_SERVING);
    result(server.shutdown());
    assertThat(client.checkFails("ready")).isNotNull();
  }

  @Test
  void watchStreamsAreBoundedAndForgottenWhenTheClientCancels() {
    List<Watching> open = List.of(client.watch("live"), client.watch("live"), client.watch("ready"));
    open.forEach(watch -> watch.awaitReceived(ServingStatus.SERVING));
    assertThat(grpc.watches()).isEqualTo(3);
    assertThat(client.watch("live").awaitEnd()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);

    open.get(0).cancel();
    until(() -> grpc.watches() == 2, () -> grpc.watches() + " Watch streams open, expected 2");
    client.watch("live").awaitReceived(ServingStatus.SERVING);

    client.close(); // the connection goes: its streams are forgotten
    until(() -> grpc.watches() == 0, () -> grpc.watches() + " Watch streams open after the client left");
  }

  @Test
  void http1RoutesStillServedOnTheSamePort(Vertx vertx) {
    assertThat(check("")).isEqualTo(ServingStatus.SERVING);
    HttpResponse<Buffer> health = http1(vertx, "/health");
    assertThat(health.version()).isEqualTo(HttpVersion.HTTP_1_1);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("outcome")).isEqualTo("warn");
    // A gRPC path asked over HTTP/1.1 is no gRPC call: 415, as Vert.x's gRPC server answers it.
    HttpResponse<Buffer> grpcOverHttp1 = result(WebClient.create(vertx).post(server.actualPort(), "127.0.0.1",
      "/grpc.health.v1.Health/Check").putHeader("Content-Type", "application/grpc").sendBuffer(Buffer.buffer()));
    assertThat(grpcOverHttp1.statusCode()).isEqualTo(415);
  }

  private HttpResponse<Buffer> http1(Vertx vertx, String path) {
    WebClient web = WebClient.create(vertx, new WebClientOptions(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)));
    try {
      return result(web.get(server.actualPort(), "127.0.0.1", path).send());
    } finally {
      web.close();
    }
  }
}
