package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** Another operator (or {@code consul maint}) talking to the double's HTTP API directly, not through the SPI. */
final class Operator {

  private final WebClient client;
  private final ConsulDouble consul;

  Operator(Vertx vertx, ConsulDouble consul) {
    this.client = WebClient.create(vertx);
    this.consul = consul;
  }

  /** {@code PUT <path>?<name>=<value>...}, query given as name/value pairs. */
  HttpResponse<Buffer> put(String path, String... query) {
    HttpRequest<Buffer> request = client.put(consul.port(), "127.0.0.1", path);
    for (int i = 0; i < query.length; i += 2) {
      request.addQueryParam(query[i], query[i + 1]);
    }
    return Await.result(request.send());
  }

  void enableNode(String reason) {
    HttpResponse<Buffer> response = reason == null ? put("/v1/agent/maintenance", "enable", "true")
      : put("/v1/agent/maintenance", "enable", "true", "reason", reason);
    if (response.statusCode() != 200) {
      throw new AssertionError("enable answered " + response.statusCode() + ": " + response.bodyAsString());
    }
  }

  void disableNode() {
    if (put("/v1/agent/maintenance", "enable", "false").statusCode() != 200) {
      throw new AssertionError("disable failed");
    }
  }

  /** The node's checks as Consul lists them (a non-blocking read). */
  JsonArray checks() {
    return Await.result(client.get(consul.port(), "127.0.0.1", "/v1/health/node/" + consul.nodeName()).send())
      .bodyAsJsonArray();
  }

  void close() {
    client.close();
  }
}
