/**
 * Health as metrics: a Micrometer binder over the check registry (and the maintenance source, passive checks,
 * probes and webhooks), and a handler serving a Prometheus registry at {@code /metrics}. The API exposes Micrometer
 * and health-web types, so those modules are read by whoever reads this one. Micrometer's jars are automatic
 * modules ({@code micrometer.core}, {@code micrometer.registry.prometheus}), as vertx-micrometer-metrics requires
 * them.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.vitals.health.metrics {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health.web;
  requires transitive dev.vitals.health.fleet; // VitalsMetrics.fleet(FleetSource, Quorum)
  requires transitive micrometer.core;
  requires transitive micrometer.registry.prometheus;
  requires io.vertx.metrics.micrometer;

  exports dev.vitals.health.metrics;
}
