package dev.vitals.status.consul.impl;

import dev.vitals.status.consul.ConsulException;
import dev.vitals.status.consul.ConsulClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

/**
 * The Consul agent's HTTP API, as far as maintenance and the fleet need it. Every call goes through
 * {@link #request}, which adds the ACL token, the datacenter, the timeout, the body size bound and the status check
 * (as vertx-consul-client's {@code ConsulClientImpl.request}). Not thread-safe: used on the watcher's context only.
 */
final class AgentClient {

  /** The largest answer body read for maintenance, in bytes: 4 MiB, a node with thousands of checks. */
  static final long DEFAULT_MAX_BODY = 4L << 20;
  private static final int MAX_BODY_IN_ERROR = 200;

  private final Vertx vertx;
  private final ConsulClientOptions options;
  private final AgentAddress address;
  private final WebClient client;
  private final long maxBody;
  private Future<String> token;

  /**
   * @param vertx   the Vert.x instance
   * @param options where the agent is and how to speak to it (validated by {@link #validate})
   * @param maxBody the largest answer body read, in bytes; a larger one fails the call
   */
  AgentClient(Vertx vertx, ConsulClientOptions options, long maxBody) {
    this.vertx = vertx;
    this.options = options;
    this.maxBody = maxBody;
    this.address = AgentAddress.parse(options.getAddress(), options.isSsl(), "consul.address");
    WebClientOptions clientOptions = new WebClientOptions()
      .setDefaultHost(address.host())
      .setDefaultPort(address.port())
      .setSsl(address.ssl())
      .setUserAgentEnabled(false);
    if (options.getCaFile() != null) {
      clientOptions.setTrustOptions(new PemTrustOptions().addCertPath(options.getCaFile()));
    }
    if (options.getClientCert() != null) {
      clientOptions.setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(options.getClientCert()).setKeyPath(options.getClientKey()));
    }
    this.client = WebClient.create(vertx, clientOptions);
  }

  /**
   * Checks what the options cannot check field by field.
   *
   * @param options the options
   * @throws IllegalArgumentException {@code consul.backoffMax: must not be below consul.backoffInitial ...} or
   *                                  {@code consul.clientKey: needed with consul.clientCert} (or the reverse)
   */
  static void validate(ConsulClientOptions options) {
    if (options.getBackoffMax() < options.getBackoffInitial()) {
      throw new IllegalArgumentException("consul.backoffMax: must not be below consul.backoffInitial ("
        + options.getBackoffInitial() + " ms), got " + options.getBackoffMax() + " ms");
    }
    if ((options.getClientCert() == null) != (options.getClientKey() == null)) {
      throw new IllegalArgumentException(options.getClientCert() == null
        ? "consul.clientCert: needed with consul.clientKey" : "consul.clientKey: needed with consul.clientCert");
    }
  }

  /** @return the agent's address, for messages */
  AgentAddress address() {
    return address;
  }

  /** @return the agent's node name: {@code Config.NodeName} of {@code /v1/agent/self}, else {@code Member.Name} */
  Future<String> nodeName() {
    String path = "/v1/agent/self";
    return request(HttpMethod.GET, path, options.getRequestTimeout()).map(response -> {
      JsonObject self = json(response.body(), path, JsonObject.class);
      String name = self.getJsonObject("Config", new JsonObject()).getString("NodeName");
      if (name == null || name.isEmpty()) {
        name = self.getJsonObject("Member", new JsonObject()).getString("Name");
      }
      if (name == null || name.isEmpty()) {
        throw new ConsulException("Consul answered malformed JSON for " + path + ": no Config.NodeName", 200);
      }
      return name;
    });
  }

  /**
   * @param node  the node
   * @param index the blocking query index, 0 for a non-blocking read
   * @param wait  the blocking query wait in ms, used when {@code index > 0}
   * @return the node's checks
   */
  Future<NodeHealth> healthNode(String node, long index, long wait) {
    String path = "/v1/health/node/" + segment(node);
    return blocking(path, index, wait).map(response -> NodeHealth.parse(node, path, response.body(),
      consulIndex(response, path)));
  }

  /**
   * @param service  the service's name
   * @param index    the blocking query index, 0 for a non-blocking read
   * @param wait     the blocking query wait in ms, used when {@code index > 0}
   * @param maxNodes how many instances are kept
   * @param received when the answer came, by the fleet's clock
   * @return the service's instances and their checks
   */
  Future<ServiceHealth> healthService(String service, long index, long wait, int maxNodes,
                                      Clock received) {
    String path = "/v1/health/service/" + segment(service);
    return blocking(path, index, wait).map(response -> ServiceHealth.parse(service, path, response.body(),
      consulIndex(response, path), maxNodes, received.instant()));
  }

  /** A read, blocking when {@code index > 0}: its timeout leaves room for Consul's jitter of up to wait/16. */
  private Future<HttpResponse<Buffer>> blocking(String path, long index, long wait) {
    return index > 0
      ? request(HttpMethod.GET, path, wait + wait / 16 + options.getRequestTimeout(),
        "index", Long.toString(index), "wait", waitParam(wait))
      : request(HttpMethod.GET, path, options.getRequestTimeout());
  }

  private static long consulIndex(HttpResponse<Buffer> response, String path) {
    try {
      return Long.parseLong(String.valueOf(response.getHeader("X-Consul-Index")).trim());
    } catch (NumberFormatException e) {
      throw new ConsulException("Consul answered no valid X-Consul-Index for " + path, 200);
    }
  }

  /**
   * @param serviceId the service whose maintenance is switched, or {@code null} for the node's
   * @param enable    on or off
   * @param reason    the reason, or {@code null} for Consul's default sentence; ignored when switching off
   * @return completed when the agent accepted the switch
   */
  Future<Void> maintenance(String serviceId, boolean enable, String reason) {
    String path = serviceId == null ? "/v1/agent/maintenance" : "/v1/agent/service/maintenance/" + segment(serviceId);
    Future<HttpResponse<Buffer>> answer = enable && reason != null
      ? request(HttpMethod.PUT, path, options.getRequestTimeout(), "enable", "true", "reason", reason)
      : request(HttpMethod.PUT, path, options.getRequestTimeout(), "enable", Boolean.toString(enable));
    return answer.mapEmpty();
  }

  /** @return the Raft leader's address as {@code /v1/status/leader} gives it, {@code ""} when there is none */
  Future<String> leader() {
    String path = "/v1/status/leader";
    return request(HttpMethod.GET, path, options.getRequestTimeout())
      .map(response -> json(response.body(), path, String.class));
  }

  /** Closes the HTTP client; calls in flight fail. */
  void close() {
    client.close();
  }

  private Future<HttpResponse<Buffer>> request(HttpMethod method, String path, long timeout, String... query) {
    return token().compose(secret -> {
      HttpRequest<Buffer> request = client.request(method, path).timeout(timeout).as(new BoundedBody(path, maxBody));
      if (secret != null && !secret.isEmpty()) {
        request.putHeader("X-Consul-Token", secret);
      }
      if (options.getDatacenter() != null) {
        request.addQueryParam("dc", options.getDatacenter());
      }
      for (int i = 0; i < query.length; i += 2) {
        request.addQueryParam(query[i], query[i + 1]);
      }
      return request.send().transform(ar -> {
        if (ar.failed()) {
          ConsulException tooLarge = BoundedBody.cause(ar.cause());
          if (tooLarge != null) {
            return Future.failedFuture(tooLarge);
          }
          return Future.failedFuture(ar.cause() instanceof TimeoutException
            ? new ConsulException("Consul did not answer " + method + " " + path + " within " + timeout + " ms", 0)
            : new ConsulException("cannot reach Consul at " + address + ": " + describe(ar.cause()), 0));
        }
        HttpResponse<Buffer> response = ar.result();
        if (response.statusCode() / 100 != 2) {
          String body = response.bodyAsString() == null ? "" : response.bodyAsString().trim();
          if (body.length() > MAX_BODY_IN_ERROR) {
            body = body.substring(0, MAX_BODY_IN_ERROR) + "...";
          }
          return Future.failedFuture(new ConsulException("Consul answered " + response.statusCode()
            + (body.isEmpty() ? "" : ": " + body), response.statusCode()));
        }
        return Future.succeededFuture(response);
      });
    });
  }

  /** The token file is read before the first call and again after a failed read, as the Consul CLI reads it once. */
  private Future<String> token() {
    if (options.getTokenFile() == null) {
      return Future.succeededFuture(options.getToken());
    }
    if (token == null || token.failed()) {
      String file = options.getTokenFile();
      token = vertx.fileSystem().readFile(file)
        .map(content -> content.toString(StandardCharsets.UTF_8).trim())
        .recover(e -> Future.failedFuture(
          new ConsulException("consul.tokenFile: cannot read '" + file + "': " + describe(e), 0)));
    }
    return token;
  }

  private static <T> T json(Buffer body, String path, Class<T> type) {
    try {
      Object value = body == null ? null : Json.decodeValue(body);
      if (type.isInstance(value)) {
        return type.cast(value);
      }
      throw new ConsulException("Consul answered malformed JSON for " + path + ": expected a "
        + (type == String.class ? "string" : "JSON object"), 200);
    } catch (DecodeException e) {
      throw new ConsulException("Consul answered malformed JSON for " + path + ": " + e.getMessage(), 200);
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Go's time.ParseDuration form, the most readable unit that is exact. */
  private static String waitParam(long ms) {
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** Percent-encodes a node name or service id as one path segment (RFC 3986 unreserved characters stay). */
  private static String segment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
          .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
