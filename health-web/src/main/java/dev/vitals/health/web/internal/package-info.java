/**
 * Plumbing of health-web that a sibling module shares: the negotiation of a response format from an
 * {@code Accept} header, which health-metrics applies to the Prometheus formats as {@code HealthHandler} applies
 * it to the health formats. It lives here, not in health-core's {@code dev.vitals.health.internal}, because it
 * reads vertx-web's parsed headers and health-core knows nothing of HTTP.
 *
 * <p><strong>Internal: no compatibility promise.</strong> The package is exported so that sibling modules can use
 * it without reaching into {@code impl}, as vertx-web exports {@code io.vertx.ext.web.internal}; anything in it
 * may change or go in any release, without notice. What an application relies on is the handlers' behaviour,
 * documented on {@code HealthHandler} and {@code HealthFormat}.
 */
package dev.vitals.health.web.internal;
