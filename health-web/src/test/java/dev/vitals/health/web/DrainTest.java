package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.guard.InFlightLimitHandler;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Graceful drain and the in-flight limit, through real HTTP. */
@ExtendWith(VertxExtension.class)
class DrainTest {

  @Test
  void drainFailsReadinessAtOnceLetsInFlightRequestsFinishThenReleasesThePort(Vertx vertx) throws Exception {
    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(new CheckOptions("loop").addTag("liveness"), () -> Future.succeededFuture(ProcedureResult.pass()));
    HealthHandler handler = HealthHandler.create(registry);
    Promise<Void> slowDone = Promise.promise();
    CountDownLatch slowStarted = new CountDownLatch(1);
    Router router = Router.router(vertx);
    router.get("/slow").handler(ctx -> {
      slowStarted.countDown();
      slowDone.future().onComplete(v -> ctx.end("finished"));
    });
    router.route("/health*").handler(handler);
    TestServer http = new TestServer(vertx, router);
    int port = http.server.actualPort();

    Future<HttpResponse<Buffer>> inFlight = http.client.get("/slow").send();
    assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

    Future<Void> closed = handler.drainAndClose(vertx, http.server, 300, 5_000);
    assertThat(http.get("/health/ready").statusCode()).as("readiness fails at once").isEqualTo(503);
    assertThat(http.get("/health/ready").bodyAsString()).contains("shutting down");
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(closed.isComplete()).as("still serving during the drain delay").isFalse();

    slowDone.complete();
    assertThat(result(inFlight).bodyAsString()).isEqualTo("finished");
    result(closed);
    // The port is released: bind it outside Vert.x (servers of one Vert.x instance would share it).
    new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()).close();
    http.client.close();
    result(registry.close());
  }

  @Test
  void requestsBeyondTheInFlightLimitGet503WithRetryAfter(Vertx vertx) {
    InFlightLimitHandler limit = InFlightLimitHandler.create(2);
    List<Promise<Void>> held = new ArrayList<>();
    CountDownLatch twoIn = new CountDownLatch(2);
    Router router = Router.router(vertx);
    router.route().handler(limit);
    router.get("/work").handler(ctx -> {
      Promise<Void> p = Promise.promise();
      synchronized (held) {
        held.add(p);
      }
      twoIn.countDown();
      p.future().onComplete(v -> ctx.end("done"));
    });
    TestServer http = new TestServer(vertx, router);
    Future<HttpResponse<Buffer>> first = http.client.get("/work").send();
    Future<HttpResponse<Buffer>> second = http.client.get("/work").send();
    try {
      assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    HttpResponse<Buffer> third = http.get("/work");
    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(third.getHeader("Retry-After")).isEqualTo("1");
    assertThat(third.bodyAsJsonObject().getInteger("status")).isEqualTo(503);

    synchronized (held) {
      held.forEach(Promise::complete);
    }
    assertThat(result(first).statusCode()).isEqualTo(200);
    assertThat(result(second).statusCode()).isEqualTo(200);
    assertThat(limit.inFlight()).as("capacity is given back").isZero();
    http.close();
  }
}
