/**
 * Checks, their registry with a per-check result cache, passive checks and maintenance: the core of Vitals, free of
 * HTTP. The API ({@code dev.vitals.health}) exposes Vert.x core and vertx-health-check types, so both are read by
 * whoever reads this module.
 */
@SuppressWarnings("module") // the qualified export names sibling modules that are not on this module's path
module dev.vitals.health {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive io.vertx.core;
  requires transitive io.vertx.healthcheck;
  requires transitive java.logging; // BurstLog (internal) takes java.util.logging levels

  exports dev.vitals.health;
  // Plumbing the Vitals modules share, exported to all with no compatibility promise (its package-info says so),
  // as Vert.x 5 exports io.vertx.core.internal.
  exports dev.vitals.health.internal;
  // The bounded run of user code (environment sections) and the options' JSON form, shared with sibling modules.
  exports dev.vitals.health.impl to dev.vitals.environment, dev.vitals.health.fleet, dev.vitals.status.consul, dev.vitals.health.web,
    dev.vitals.health.metrics, dev.vitals.health.checks, dev.vitals.health.grpc;
}
