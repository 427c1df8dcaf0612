/**
 * Load comparisons of Vitals, vertx-web's HealthCheckHandler and a bare route, and JMH benchmarks of the cached
 * path. Run from the shaded jar (class path); the module states what the code uses.
 */
module dev.vitals.benchmarks {
  requires dev.vitals.health.web;
  requires dev.vitals.samples;
  requires dev.vitals.status.consul;
  requires dev.vitals.status.consul.test;
  requires io.vertx.web.client;
  requires io.vertx.healthcheck;
  requires jmh.core;
  requires java.management;
  requires jdk.jfr;

  exports dev.vitals.benchmarks;
}
