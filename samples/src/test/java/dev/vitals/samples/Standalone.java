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
   * delay, so that tests end at once, and availability is kept in memory (a test's history file would be the next
   * test's past: StandaloneHistoryStoreTest gives its own).
   */
  static Future<StandaloneVerticle> deploy(Vertx vertx, JsonObject config, Map<String, String> environment) {
    StandaloneVerticle verticle = new StandaloneVerticle(environment);
    JsonObject withShutdown = config.copy();
    if (!withShutdown.containsKey("shutdown")) {
      withShutdown.put("shutdown", new JsonObject().put("drainDelay", 0));
    }
    Object history = withShutdown.getValue("history");
    if (history == null || history instanceof JsonObject section && !section.containsKey("store")) {
      withShutdown.put("history", (history == null ? new JsonObject() : ((JsonObject) history).copy())
        .put("store", new JsonObject().put("type", "memory")));
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

  /** {@link #closedPort()} for lambdas and field initialisers. */
  static int closedPortUnchecked() {
    try {
      return closedPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** @return a loopback port nothing listens on (bound, then closed) */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
