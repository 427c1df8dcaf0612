/** The standalone verticle and its launcher; examples of embedding and extending Vitals (dev.vitals.samples.examples). */
@SuppressWarnings("requires-automatic") // Hazelcast's jar is an automatic module (com.hazelcast.core)
module dev.vitals.samples {
  requires transitive dev.vitals.health.web;
  requires dev.vitals.environment;   // health-web's optional parts, used here: /environment
  requires dev.vitals.health.fleet;  // and the fleet
  requires dev.vitals.health.grpc;
  requires dev.vitals.status.consul;
  requires dev.vitals.health.metrics;
  requires io.vertx.metrics.micrometer;
  requires dev.vitals.health.checks;
  requires dev.vitals.health.alerts;
  requires dev.vitals.health.history; // history.store: the SQLite file
  requires io.vertx.web.client;
  requires io.vertx.web.common;
  requires io.vertx.launcher.application;
  requires io.vertx.config;
  requires io.vertx.jsonschema;
  requires io.vertx.clustermanager.hazelcast;
  requires com.hazelcast.core;
  requires io.netty.codec.http2; // an HTTP/2 connection error's code: the reset flood's ENHANCE_YOUR_CALM
  requires java.logging;
  requires java.management;

  // The launcher creates the verticle by its class name.
  exports dev.vitals.samples;
}
