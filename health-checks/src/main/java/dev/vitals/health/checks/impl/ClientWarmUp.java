package dev.vitals.health.checks.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * One HTTP exchange on loopback per Vert.x instance, with a server and a client of its own, so that the classes
 * of Vert.x's clients (resolver, connection, codec) are loaded before a check's first run: in a fresh JVM they
 * take hundreds of ms to load, which a check's {@code timeout} must not count. No traffic leaves the machine.
 */
final class ClientWarmUp {

  /** The longest a run waits for the warm-up, in ms: a warm-up that cannot finish must not hold runs back. */
  static final long LIMIT_MS = 5_000;

  private static final Map<Vertx, Future<Void>> WARMED = new WeakHashMap<>();

  private ClientWarmUp() {
  }

  /**
   * @param vertx the Vert.x instance whose clients to warm
   * @return a future completed once the exchange ended or {@link #LIMIT_MS} passed; it does not fail
   */
  static synchronized Future<Void> of(Vertx vertx) {
    return WARMED.computeIfAbsent(vertx, ClientWarmUp::exchange);
  }

  private static Future<Void> exchange(Vertx vertx) {
    Promise<Void> warmed = Promise.promise();
    long timer = vertx.setTimer(LIMIT_MS, id -> warmed.tryComplete());
    HttpClientAgent client = vertx.createHttpClient();
    vertx.createHttpServer().requestHandler(request -> request.response().end("warm"))
      .listen(0, "127.0.0.1")
      .compose(server -> client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
        .compose(request -> request.send())
        .compose(HttpClientResponse::body)
        .eventually(server::close))
      .eventually(client::close)
      .onComplete(done -> {
        vertx.cancelTimer(timer);
        warmed.tryComplete();
      });
    return warmed.future();
  }
}
