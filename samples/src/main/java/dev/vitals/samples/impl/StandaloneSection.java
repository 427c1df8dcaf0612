package dev.vitals.samples.impl;

import dev.vitals.health.JsonForm;
import dev.vitals.health.web.transport.ConnectionLimits;
import dev.vitals.health.web.transport.RequestHeadTimeout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.UnaryOperator;

/**
 * A section of the standalone config that no library's options class holds ({@code http}, {@code reload},
 * {@code admin}, {@code shutdown}, {@code heartbeat}): its keys declared once, with their defaults and meanings, and
 * read from there (by {@link StandaloneConfig}) and described from there (by {@link ConfigSchema}, and so by the
 * config reference generated from the schema).
 */
final class StandaloneSection {

  /** The meaning of {@code maxResets} and {@code resetWindow}, one row of the reference. */
  private static final String RAPID_RESET = "HTTP/2 rapid reset (CVE-2023-44487): a connection that resets more than `maxResets` streams within "
    + "`resetWindow` (whole seconds, at least 1 s) gets GOAWAY `ENHANCE_YOUR_CALM`; and an address whose connections "
    + "together reset more than this within the window (counted from the frames as they arrive, so reconnecting "
    + "before a connection's limit buys nothing) has its connections closed and new ones closed when accepted until "
    + "the window after its last reset ends (one log line per 10 s); clients behind one proxy or NAT share it. The "
    + "per-address budget is in the launcher's transport (read at start); embedded: "
    + "`RapidResetLimits.transport(Transport.NIO, 100, 30_000)`";
  /** The meaning of {@code ssl} and its files, one row of the reference. */
  private static final String TLS = "TLS with PEM files (certificate chain, private key), reloaded when they change; `clientCaPath` (CA "
    + "certificates) requires client certificates";

  /** Where and how the server listens. */
  static final StandaloneSection HTTP = new StandaloneSection("http", JsonForm.of("http.")
    .text("host").describe("where to listen (`VITALS_HTTP_HOST`); a host that does not resolve is an error at start")
    .integer("port").range(0, 65535).describe("the port (`VITALS_HTTP_PORT`); 0 picks a free one")
    .integer("maxInFlight").range(1, Integer.MAX_VALUE)
    .describe("requests served at once; beyond, 503 with `Retry-After: 1`; the probe paths (`/health`, "
    + "`/health/live`, `/health/ready`, ...) have a budget of that size of their own, so load held on other routes "
    + "never refuses them")
    .integer("maxConnections", "maxConnectionsPerClient").range(1, Integer.MAX_VALUE)
    .describe("open connections at most, in all and from one client IP address (behind a proxy or NAT, all its "
    + "clients); one more is closed as soon as it is accepted, before anything is created for it, and one line per "
    + "10 s says how many were; without them a client opening and dropping connections faster than they are served "
    + "fills the heap. Read at start (a change needs a restart). Embedded: "
    + "`Vertx.builder().withTransport(ConnectionLimits.transport(Transport.NIO, 4096, 1024))`")
    .duration("idleTimeout")
    .describe("a connection without a byte read or written for that long is closed; 0: never")
    .duration("requestTimeout")
    .describe("a request whose body has not fully arrived that long after its headers gets 408 and its connection is "
    + "closed; 0: no limit. Only a request whose body is still to come is timed (over HTTP/1.x a non-zero "
    + "`Content-Length` or `Transfer-Encoding`; over HTTP/2 a stream not yet ended), and the timer ends with the "
    + "answer; an HTTP/1.x request answered before its body came gets `Connection: close`")
    .duration("requestHeadTimeout")
    .describe("an HTTP/1.x request head (request line and headers) not complete that long after its first byte gets "
    + "408 (`{\"error\": \"request head not complete within 10000 ms\", ...}`) and its connection is closed, however "
    + "steadily its bytes dribble in (slowloris; the idle timeout never trips for them); at least 1 ms; read at "
    + "start (a change needs a restart). HTTP/2 is left to its own limits. Embedded: "
    + "`Vertx.builder().withTransport(RequestHeadTimeout.transport(Transport.NIO, 10_000))`")
    .integer("maxConcurrentStreams").range(1, Integer.MAX_VALUE)
    .describe("HTTP/2 streams open at once on one connection (the `SETTINGS_MAX_CONCURRENT_STREAMS` announced)")
    .integer("maxResets").range(1, Integer.MAX_VALUE).describe(RAPID_RESET)
    .duration("resetWindow").describe(RAPID_RESET)
    .bool("ssl").describe(TLS)
    .text("certPath", "keyPath", "clientCaPath").describe(TLS),
    new JsonObject().put("host", "127.0.0.1").put("port", 8080).put("maxInFlight", 1024)
      .put("maxConnections", ConnectionLimits.DEFAULT_MAX_CONNECTIONS)
      .put("maxConnectionsPerClient", ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_CLIENT)
      .put("idleTimeout", 60_000L).put("requestTimeout", 30_000L)
      .put("requestHeadTimeout", RequestHeadTimeout.DEFAULT_TIMEOUT).put("maxConcurrentStreams", 100)
      .put("maxResets", 100).put("resetWindow", 30_000L).put("ssl", false),
    // TLS needs its two files.
    schema -> schema.put("if", new JsonObject("{\"properties\": {\"ssl\": {\"const\": true}}, \"required\": [\"ssl\"]}"))
      .put("then", new JsonObject().put("required", new JsonArray().add("certPath").add("keyPath"))));

  /** How often the config file is read again. */
  static final StandaloneSection RELOAD = new StandaloneSection("reload", JsonForm.of("reload.")
    .duration("scanPeriod")
    .describe("how often the `-conf` file (and the TLS files) are read again; 0: the config file never"),
    new JsonObject().put("scanPeriod", 2_000L), UnaryOperator.identity());

  /** The admin token. */
  static final StandaloneSection ADMIN = new StandaloneSection("admin", JsonForm.of("admin.")
    .text("token").secret().defaultShown("none")
    .describe("bearer token of the admin endpoints (`VITALS_ADMIN_TOKEN`)"),
    new JsonObject(), UnaryOperator.identity());

  /** How the server stops. */
  static final StandaloneSection SHUTDOWN = new StandaloneSection("shutdown", JsonForm.of("shutdown.")
    .duration("drainDelay").describe("readiness fails this long before the server stops accepting")
    .duration("graceTimeout").describe("in-flight requests get this long to finish"),
    new JsonObject().put("drainDelay", 5_000L).put("graceTimeout", 10_000L), UnaryOperator.identity());

  /** Where passive checks report. */
  static final StandaloneSection HEARTBEAT = new StandaloneSection("heartbeat", JsonForm.of("heartbeat.")
    .string("path").constrain("pattern", "^/[^*\\s]*[^/*\\s]$").expecting("a path like /health/heartbeat (no trailing /, no *)")
    .describe("where passive checks' reports go (`<path>/<name>`); not `/health`, `/status`, `/environment` or a path "
    + "below them (below `/health`, only `/health/heartbeat` and its sub-paths)"),
    new JsonObject().put("path", "/health/heartbeat"), UnaryOperator.identity());

  private final String name;
  private final JsonForm form;
  private final JsonObject defaults;
  private final UnaryOperator<JsonObject> rules;

  /**
   * @param name     the section's key in the config
   * @param form     its keys
   * @param defaults the value of each key that has one, as the form reads it (durations in ms)
   * @param rules    what the section's schema says beside its keys
   */
  private StandaloneSection(String name, JsonForm form, JsonObject defaults, UnaryOperator<JsonObject> rules) {
    this.name = name;
    this.form = form;
    this.defaults = defaults;
    this.rules = rules;
  }

  /** @return the section's key in the config */
  String name() {
    return name;
  }

  /** @return the section's JSON Schema, with its defaults */
  JsonObject schema() {
    return rules.apply(form.schema(defaults));
  }

  /**
   * @param config the whole config
   * @return the section's values: each given one as the form reads it (durations in ms), a default for the others
   * @throws IllegalArgumentException {@code "<section>.<key>: ..."} when a value has the wrong type or form
   */
  JsonObject read(JsonObject config) {
    Object section = config.getValue(name);
    JsonObject given = section instanceof JsonObject ? (JsonObject) section : new JsonObject();
    return defaults.copy().mergeIn(form.read(given));
  }
}
