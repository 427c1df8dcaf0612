package dev.vitals.samples;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** The graceful stop of the standalone verticle, through real HTTP. */
@ExtendWith(VertxExtension.class)
class StandaloneDrainTest {

  @Test
  void stopFailsReadinessAtOnceFinishesInFlightRequestsAndReleasesThePortAfterTheDrainDelay(Vertx vertx)
    throws Exception {
    // A dependency that answers only when the test says so, to hold a /health request in flight.
    Promise<Void> release = Promise.promise();
    CountDownLatch dependencyCalled = new CountDownLatch(1);
    HttpServer dependency = result(vertx.createHttpServer().requestHandler(req -> {
      dependencyCalled.countDown();
      release.future().onComplete(v -> req.response().end("ok"));
    }).listen(0, "127.0.0.1"));
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("shutdown", new JsonObject().put("drainDelay", "1s").put("graceTimeout", "10s"))
      .put("checks", new JsonArray()
        .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness")))
        .add(new JsonObject().put("name", "api").put("type", "http").put("successTtl", 0).put("timeout", "20s")
          .put("url", "http://127.0.0.1:" + dependency.actualPort() + "/")
          .put("tags", new JsonArray().add("dependency"))));
    StandaloneVerticle verticle = result(deploy(vertx, config));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);

    Future<HttpResponse<Buffer>> inFlight = client.get(port, "127.0.0.1", "/health/api").send();
    assertThat(dependencyCalled.await(10, TimeUnit.SECONDS)).isTrue();

    Future<Void> stopped = vertx.undeploy(verticle.deploymentID());
    // Vert.x runs stop() on the verticle's event loop, which may serve a request that was already on its way first
    // (seen once on a loaded machine): readiness fails as soon as stop() has begun, well within the drain delay.
    AtomicReference<HttpResponse<Buffer>> ready = new AtomicReference<>();
    until(() -> {
      ready.set(result(client.get(port, "127.0.0.1", "/health/ready").send()));
      return ready.get().statusCode() == 503;
    }, () -> "readiness never failed after stop: " + ready.get().statusCode());
    assertThat(ready.get().bodyAsString()).contains("shutting down");
    assertThat(result(client.get(port, "127.0.0.1", "/health/live").send()).statusCode()).isEqualTo(200);
    assertThat(stopped.isComplete()).as("still serving during the drain delay").isFalse();

    release.complete();
    assertThat(result(inFlight).statusCode()).as("the in-flight request completes").isEqualTo(200);
    result(stopped);
    new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
    result(dependency.close());
  }
}
