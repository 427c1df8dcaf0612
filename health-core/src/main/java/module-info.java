/**
 * Checks, their registry with a per-check result cache, passive checks and maintenance: the core of Vitals, free of
 * HTTP. The API ({@code dev.vitals.health}) exposes Vert.x core and vertx-health-check types, so both are read by
 * whoever reads this module.
 */
module dev.vitals.health {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive io.vertx.core;
  requires transitive io.vertx.healthcheck;
  requires transitive java.logging; // BurstLog (internal) takes java.util.logging levels
  requires transitive io.netty.transport; // ChannelTransport (internal) hands over Netty channels
  requires io.netty.common;

  exports dev.vitals.health;
  // Plumbing the Vitals modules share, exported to all with no compatibility promise (its package-info says so),
  // as Vert.x 5 exports io.vertx.core.internal.
  exports dev.vitals.health.internal;
}
