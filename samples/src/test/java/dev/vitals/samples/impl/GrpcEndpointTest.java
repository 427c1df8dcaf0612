package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.grpc.test.GrpcHealthClient;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gRPC server is built after the HTTP server listens: a gRPC request that comes before is held, then served;
 * other requests go to the router meanwhile.
 */
@ExtendWith(VertxExtension.class)
class GrpcEndpointTest {

  @Test
  void aCheckBeforeTheServerIsBuiltIsAnsweredOnceItIs(Vertx vertx) throws Exception {
    HealthHandler health = HealthHandler.create(CheckRegistry.create(vertx));
    Handler<HttpServerRequest> router = request -> request.response().end("router");
    GrpcEndpoint endpoint = GrpcEndpoint.of(new JsonObject());
    Handler<HttpServerRequest> handler = endpoint.requestHandler(router);
    Promise<Void> grpcArrived = Promise.promise();
    HttpServer server = result(vertx.createHttpServer().requestHandler(request -> {
      if (request.path().startsWith("/grpc.health.v1.Health/")) {
        grpcArrived.tryComplete();
      }
      handler.handle(request);
    }).listen(0, "127.0.0.1"));
    try (GrpcHealthClient grpc = new GrpcHealthClient(vertx, server.actualPort())) {
      CompletableFuture<ServingStatus> early = CompletableFuture.supplyAsync(() -> grpc.serving(""));
      result(grpcArrived.future());
      assertThat(result(vertx.createHttpClient().request(io.vertx.core.http.HttpMethod.GET, server.actualPort(),
        "127.0.0.1", "/health").compose(request -> request.send()).compose(response -> response.body()))
        .toString()).isEqualTo("router");
      assertThat(early).isNotDone();

      endpoint.start(vertx, health, router);
      assertThat(early.get()).isEqualTo(ServingStatus.SERVING);
      assertThat(grpc.serving("")).isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void disabledServesTheRouterAlone(Vertx vertx) {
    Handler<HttpServerRequest> router = request -> request.response().end("router");
    GrpcEndpoint endpoint = GrpcEndpoint.of(new JsonObject().put("grpc", new JsonObject().put("enabled", false)));
    assertThat(endpoint.requestHandler(router)).isSameAs(router);
    endpoint.start(vertx, HealthHandler.create(CheckRegistry.create(vertx)), router);
    assertThat(result(endpoint.close())).isNull();
  }
}
