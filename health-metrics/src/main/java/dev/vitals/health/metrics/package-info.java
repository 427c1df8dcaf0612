/**
 * Health as metrics: {@link dev.vitals.health.metrics.VitalsMetrics}, the Micrometer binder of a check registry's
 * state; {@link dev.vitals.health.metrics.MetricsHandler}, Prometheus' {@code /metrics} through
 * vertx-micrometer-metrics; {@link dev.vitals.health.metrics.VitalsMetricsOptions}, the standalone config's
 * {@code metrics} section.
 */
package dev.vitals.health.metrics;
