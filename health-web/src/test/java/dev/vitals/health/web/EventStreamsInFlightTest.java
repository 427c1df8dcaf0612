package dev.vitals.health.web;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.web.guard.InFlightLimitHandler;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stream behind the request guard and an in-flight limit, as the standalone mounts them: whichever way
 * the stream ends, its in-flight slot is given back.
 */
@ExtendWith(VertxExtension.class)
class EventStreamsInFlightTest {

  private CheckRegistry registry;
  private HistoryRoutes routes;
  private InFlightLimitHandler inFlight;
  private TestServer http;
  private HttpClient raw;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
    Router router = Router.router(vertx);
    inFlight = InFlightLimitHandler.create(1);
    router.route().handler(RequestGuardHandler.create(30_000));
    router.route().handler(inFlight);
    routes = HistoryRoutes.create(vertx, registry, null, new HistoryRoutesOptions());
    routes.mount(router, "/health");
    JsonErrorHandler.register(router);
    http = new TestServer(vertx, router);
    raw = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() {
    raw.close();
    http.close();
    result(registry.close());
  }

  @Test
  void aStreamEndedByTheServerGivesItsSlotBack() {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    HttpClientResponse stream = result(raw.request(HttpMethod.GET, http.server.actualPort(), "127.0.0.1",
      "/health/events").compose(request -> request.send()));
    assertThat(stream.statusCode()).isEqualTo(200);
    stream.handler(Buffer::length).endHandler(v -> ended.complete(null));
    until(() -> inFlight.inFlight() == 1, () -> "the stream holds the one slot");

    routes.close(); // as the standalone does when it drains

    result(io.vertx.core.Future.fromCompletionStage(ended));
    until(() -> inFlight.inFlight() == 0, () -> "in flight after the stream ended: " + inFlight.inFlight());
    assertThat(http.get("/health/history").statusCode()).as("the next request has the slot").isEqualTo(200);
    assertThat(http.get("/health/events").statusCode()).as("no stream once closed").isEqualTo(503);
  }
}
