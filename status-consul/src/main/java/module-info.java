/** Maintenance mode read from, and written to, a Consul agent, watched with blocking queries. */
module dev.vitals.status.consul {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires io.vertx.web.client;

  exports dev.vitals.status.consul;
}
