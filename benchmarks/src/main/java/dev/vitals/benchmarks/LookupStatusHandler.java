package dev.vitals.benchmarks;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;

/**
 * The alternative to Vitals' Consul watcher in scenario 4: {@code /status} the way sprockets' Consul example
 * answers it, with one {@code GET /v1/health/node/<node>} per request. Maintenance when the node lists a
 * {@code _node_maintenance} check (503, its {@code Notes} as the reason), else ok (200); Consul unreachable or
 * answering non-2xx gives 500. Body {@code {"application", "status", "version"}}.
 */
public final class LookupStatusHandler implements Handler<RoutingContext> {

  private final WebClient client;
  private final String host;
  private final int port;
  private final String path;
  private final String application;
  private final String version;

  /**
   * @param vertx         for the HTTP client
   * @param consulAddress the agent, such as {@code http://127.0.0.1:8500}
   * @param node          the node whose checks are read
   * @param application   the {@code application} of the body
   * @param version       the {@code version} of the body
   */
  public LookupStatusHandler(Vertx vertx, String consulAddress, String node, String application, String version) {
    URI uri = URI.create(consulAddress);
    // As many pooled connections to Consul as the load has: one Consul request per request, none queued.
    this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
      new PoolOptions().setHttp1MaxSize(64));
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.path = "/v1/health/node/" + node;
    this.application = application;
    this.version = version;
  }

  @Override
  public void handle(RoutingContext ctx) {
    client.get(port, host, path).send().onComplete(ar -> {
      JsonObject body = new JsonObject().put("application", application);
      int code;
      if (ar.failed() || ar.result().statusCode() != 200) {
        code = 500;
        body.put("status", "unknown");
      } else {
        JsonObject maintenance = maintenanceCheck(ar.result().bodyAsJsonArray());
        code = maintenance == null ? 200 : 503;
        body.put("status", maintenance == null ? "ok" : "maintenance");
        if (maintenance != null) {
          body.put("reason", maintenance.getString("Notes"));
        }
      }
      ctx.response()
        .setStatusCode(code)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.put("version", version).encode());
    });
  }

  private static JsonObject maintenanceCheck(JsonArray checks) {
    for (int i = 0; i < checks.size(); i++) {
      JsonObject check = checks.getJsonObject(i);
      if ("_node_maintenance".equals(check.getString("CheckID"))) {
        return check;
      }
    }
    return null;
  }
}
