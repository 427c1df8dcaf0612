/**
 * {@code /health} and its probes ({@code /health/live}, {@code /health/ready}, {@code /health/started}, one check or
 * group by name): the {@link dev.vitals.health.web.probes.HealthHandler}, its options, and the body formats it
 * negotiates ({@code vitals}, {@code vertx}, {@code health+json}, or an application's own
 * {@link dev.vitals.health.web.probes.HealthFormat}), with the detail each probe shows and to whom.
 */
package dev.vitals.health.web.probes;
