/**
 * Vert.x Web handlers to mount on a router, in parts by concern, each with its API in a package of its own and its
 * implementation in that package's {@code impl} (not exported): {@code probes} ({@code /health} and its probes, the
 * body formats), {@code status} ({@code /status}, maintenance switching), {@code heartbeat} (passive checks' intake,
 * Python's HTTPHandler records), {@code history} ({@code /health/history}, the event stream, the dashboard),
 * {@code webhook} (status changes POSTed out), {@code guard} (request guard, in-flight budgets, admin token, JSON
 * errors), {@code transport} (connection limits) and, in the root package, {@code VitalsRoutes}, which mounts them
 * in their safe order. {@code internal} is what the parts share.
 *
 * <p>Two parts are optional: {@code fleet} ({@code /health/fleet}) and {@code environment} ({@code /environment})
 * read health-fleet and environment-dump, which this module requires only statically (optional Maven
 * dependencies): serving {@code /health} does not bring them. An application using those parts (or
 * {@code MaintenanceHandler.fleet}) requires those modules itself. The API exposes vertx-web ({@code RoutingContext})
 * and health-core types, so those modules are read by whoever reads this one.
 */
module dev.vitals.health.web {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  // The optional parts' modules, read when present. Not transitive: javac would then look for them when compiling
  // every reader of this module. A reader of the fleet or environment part requires them itself.
  requires static dev.vitals.environment;
  requires static dev.vitals.health.fleet;
  requires transitive io.vertx.web;
  requires io.vertx.web.client;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  requires java.logging;

  exports dev.vitals.health.web;
  exports dev.vitals.health.web.environment;
  exports dev.vitals.health.web.fleet;
  exports dev.vitals.health.web.guard;
  exports dev.vitals.health.web.heartbeat;
  exports dev.vitals.health.web.history;
  exports dev.vitals.health.web.probes;
  exports dev.vitals.health.web.status;
  exports dev.vitals.health.web.transport;
  exports dev.vitals.health.web.webhook;
  // Plumbing shared with sibling modules (health-metrics' format negotiation), exported to all with no
  // compatibility promise (its package-info says so), as vertx-web exports io.vertx.ext.web.internal.
  exports dev.vitals.health.web.internal;
}
