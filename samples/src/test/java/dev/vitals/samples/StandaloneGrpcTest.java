package dev.vitals.samples;

import dev.vitals.health.checks.test.TestCertificates;
import dev.vitals.health.grpc.test.GrpcHealthClient;
import dev.vitals.health.grpc.test.GrpcHealthClient.Watching;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone verticle answers {@code grpc.health.v1.Health} on its HTTP port (cleartext HTTP/2, and TLS with
 * ALPN), from the same checks as {@code /health}, while HTTP/1.1 is served as before.
 */
@ExtendWith(VertxExtension.class)
class StandaloneGrpcTest {

  private final AtomicInteger dependencyStatus = new AtomicInteger(200);

  @AfterEach
  void undeploy(Vertx vertx) {
    vertx.deploymentIDs().forEach(id -> result(vertx.undeploy(id)));
  }

  /** A dependency answering {@link #dependencyStatus}, and a config with an http check of it, run on every ask. */
  private JsonObject configWithDependency(Vertx vertx) {
    HttpServer dependency = result(vertx.createHttpServer()
      .requestHandler(request -> request.response().setStatusCode(dependencyStatus.get()).end())
      .listen(0, "127.0.0.1"));
    return Standalone.config(new JsonObject().put("name", "api").put("type", "http")
      .put("url", "http://127.0.0.1:" + dependency.actualPort() + "/ping")
      .put("tags", new io.vertx.core.json.JsonArray().add("readiness"))
      .put("successTtl", 0).put("failureTtl", 0));
  }

  private static HttpResponse<Buffer> http1(WebClient client, int port, String path) {
    return result(client.get(port, "127.0.0.1", path).send());
  }

  @Test
  void checkAndWatchFollowADependencyOnTheHttpPort(Vertx vertx) {
    int port = result(Standalone.deploy(vertx, configWithDependency(vertx))).actualPort();
    try (GrpcHealthClient grpc = new GrpcHealthClient(vertx, port)) {
      assertThat(grpc.serving("")).isEqualTo(ServingStatus.SERVING);
      assertThat(grpc.serving("ready")).isEqualTo(ServingStatus.SERVING);
      assertThat(grpc.serving("api")).isEqualTo(ServingStatus.SERVING);
      assertThat(grpc.check("db").status()).isEqualTo(GrpcStatus.NOT_FOUND);
      HttpResponse<Buffer> health = http1(WebClient.create(vertx), port, "/health");
      assertThat(health.version()).isEqualTo(HttpVersion.HTTP_1_1);
      assertThat(health.statusCode()).isEqualTo(200);

      Watching api = grpc.watch("api");
      api.awaitReceived(ServingStatus.SERVING);
      try (LogCapture changes = LogCapture.of(StandaloneVerticle.class.getName())) {
        dependencyStatus.set(500);
        assertThat(grpc.serving("api")).isEqualTo(ServingStatus.NOT_SERVING);
        api.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
        assertThat(grpc.serving("")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(http1(WebClient.create(vertx), port, "/health").statusCode()).isEqualTo(503);
        assertThat(changes.messages()).anyMatch(line -> line.startsWith("WARNING: Check api: pass → fail"));
      }
    }
  }

  @Test
  void stoppingFailsReadinessOverGrpcBeforeTheServerStops(Vertx vertx) {
    JsonObject config = configWithDependency(vertx).put("shutdown", new JsonObject().put("drainDelay", "3s"));
    int port = result(Standalone.deploy(vertx, config)).actualPort();
    try (GrpcHealthClient grpc = new GrpcHealthClient(vertx, port)) {
      Watching ready = grpc.watch("ready");
      ready.awaitReceived(ServingStatus.SERVING);

      Future<Void> stopped = vertx.undeploy(vertx.deploymentIDs().iterator().next());
      ready.awaitReceived(ServingStatus.SERVING, ServingStatus.NOT_SERVING);
      assertThat(grpc.serving("ready")).isEqualTo(ServingStatus.NOT_SERVING);
      assertThat(grpc.serving("live")).isEqualTo(ServingStatus.SERVING);
      assertThat(stopped.isComplete()).as("the server still serves during the drain delay").isFalse();

      assertThat(ready.awaitEnd()).isEqualTo(GrpcStatus.UNAVAILABLE); // then the streams end, the server stops
      result(stopped);
      assertThat(grpc.checkFails("ready")).isNotNull();
    }
  }

  @Test
  void disabledLeavesTheRoutesAsTheyWere(Vertx vertx) {
    JsonObject config = Standalone.config().put("grpc", new JsonObject().put("enabled", false));
    int port = result(Standalone.deploy(vertx, config)).actualPort();
    // What a gRPC client sends, over cleartext HTTP/2: the router answers it as any unknown path.
    WebClient http2 = WebClient.create(vertx, new WebClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
      .setHttp2ClearTextUpgrade(false));
    HttpResponse<Buffer> grpcCall = result(http2.post(port, "127.0.0.1", "/grpc.health.v1.Health/Check")
      .putHeader("Content-Type", "application/grpc").putHeader("TE", "trailers")
      .sendBuffer(Buffer.buffer(new byte[] {0, 0, 0, 0, 0})));
    assertThat(grpcCall.version()).isEqualTo(HttpVersion.HTTP_2);
    assertThat(grpcCall.statusCode()).isEqualTo(404);
    assertThat(grpcCall.getHeader("grpc-status")).isNull();
    assertThat(http1(WebClient.create(vertx), port, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void overTlsGrpcGetsHttp2ByAlpnAndHttp1StillWorks(Vertx vertx, @TempDir Path dir) throws Exception {
    TestCertificates server = TestCertificates.create(dir, "server");
    JsonObject config = Standalone.config().put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0)
      .put("ssl", true).put("certPath", server.certPath().toString()).put("keyPath", server.keyPath().toString()));
    int port = result(Standalone.deploy(vertx, config)).actualPort();
    PemTrustOptions trust = new PemTrustOptions().addCertPath(server.certPath().toString());
    try (GrpcHealthClient grpc = new GrpcHealthClient(vertx, "localhost", port,
      new HttpClientOptions().setSsl(true).setTrustOptions(trust))) {
      assertThat(grpc.serving("")).isEqualTo(ServingStatus.SERVING);
      assertThat(grpc.serving("live")).isEqualTo(ServingStatus.SERVING);
    }
    HttpResponse<Buffer> health = result(WebClient.create(vertx, new WebClientOptions().setSsl(true)
      .setTrustOptions(trust)).get(port, "localhost", "/health").send());
    assertThat(health.version()).isEqualTo(HttpVersion.HTTP_1_1);
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
