/**
 * Plumbing that health-web's parts share with each other and with sibling modules: the negotiation of a response
 * format from an {@code Accept} header (which health-metrics applies to the Prometheus formats as
 * {@code HealthHandler} applies it to the health formats), the one JSON error body every handler answers with,
 * the ending of a response (a body, or only its length for {@code HEAD}; closing the connection after an answer
 * whose request body is unread), and the parsing of a request's query and sub-path. It lives here, not in
 * health-core's {@code dev.vitals.health.internal}, because it reads vertx-web's requests and health-core knows
 * nothing of HTTP; and here rather than in a part's {@code impl}, so that no part reaches into another's
 * implementation.
 *
 * <p><strong>Internal: no compatibility promise.</strong> The package is exported so that sibling modules can use
 * it without reaching into {@code impl}, as vertx-web exports {@code io.vertx.ext.web.internal}; anything in it
 * may change or go in any release, without notice. What an application relies on is the handlers' behaviour,
 * documented on {@code HealthHandler} and {@code HealthFormat}.
 */
package dev.vitals.health.web.internal;
