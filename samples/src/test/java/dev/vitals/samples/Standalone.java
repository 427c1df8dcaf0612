package dev.vitals.samples;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** Deploys {@link StandaloneVerticle} the way the tests need it: on port 0, isolated from the real environment. */
final class Standalone {

  private Standalone() {
  }

  /** Blocks the test thread (never an event loop) until the future completes; fails the test otherwise. */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Blocks the test thread until the future fails; fails the test when it succeeds. */
  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("succeeded, expected a failure");
  }

  /**
   * Asks until the answer satisfies the condition (a change the server makes on its own: a config file scanned,
   * a certificate reloaded, a watch answered), pausing 25 ms between asks; gives up after 400 asks.
   */
  static <T> T until(java.util.function.Supplier<Future<T>> ask, java.util.function.Predicate<T> ok) {
    T last = null;
    Throwable lastFailure = null;
    for (int i = 0; i < 400; i++) {
      try {
        last = await(ask.get());
        lastFailure = null;
        if (ok.test(last)) {
          return last;
        }
      } catch (AssertionError failed) {
        lastFailure = failed.getCause();
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("never satisfied: " + (lastFailure != null ? lastFailure : last));
  }

  /** @return a config listening on any free loopback port with these check entries */
  static JsonObject config(JsonObject... checks) {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("checks", new JsonArray(List.of((Object[]) checks)));
  }

  /** @return the deployed verticle, so that the test can ask its port */
  static Future<StandaloneVerticle> deploy(Vertx vertx, JsonObject config) {
    return deploy(vertx, config, Map.of());
  }

  /**
   * Deploys with the given environment. Unless the config says otherwise, stopping does not wait for a drain
   * delay, so that tests end at once.
   */
  static Future<StandaloneVerticle> deploy(Vertx vertx, JsonObject config, Map<String, String> environment) {
    StandaloneVerticle verticle = new StandaloneVerticle(environment);
    JsonObject withShutdown = config.copy();
    if (!withShutdown.containsKey("shutdown")) {
      withShutdown.put("shutdown", new JsonObject().put("drainDelay", 0));
    }
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(withShutdown)).map(id -> verticle);
  }

  static Future<HttpResponse<Buffer>> getHealth(WebClient client, int port) {
    return client.get(port, "127.0.0.1", "/health").send();
  }

  /** @return the one result of a health body that has exactly one */
  static JsonObject onlyResult(HttpResponse<Buffer> response) {
    JsonArray results = response.bodyAsJsonObject().getJsonArray("results");
    if (results.size() != 1) {
      throw new AssertionError("expected one result, got " + results.encodePrettily());
    }
    return results.getJsonObject(0);
  }

  /** @return a loopback port nothing listens on (bound, then closed) */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
