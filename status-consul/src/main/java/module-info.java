/**
 * Maintenance mode read from, and written to, a Consul agent, and the fleet view of a Consul service, watched with
 * blocking queries.
 */
module dev.vitals.status.consul {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires transitive dev.vitals.health.fleet;
  requires io.vertx.web.client;
  requires io.vertx.web.common;

  exports dev.vitals.status.consul;
}
