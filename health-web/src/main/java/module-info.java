/**
 * Vert.x Web handlers to mount on a router: {@code /health} and its probes, {@code /status}, {@code /environment},
 * maintenance switching (of this instance or the fleet), {@code /health/fleet}, heartbeats of passive checks,
 * webhooks. The API exposes vertx-web ({@code RoutingContext}),
 * health-core, health-fleet and environment-dump types, so those modules are read by whoever reads this one.
 */
module dev.vitals.health.web {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires transitive dev.vitals.environment;
  requires transitive dev.vitals.health.fleet;
  requires transitive io.vertx.web;
  requires io.vertx.web.client;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  requires java.logging;

  exports dev.vitals.health.web;
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
