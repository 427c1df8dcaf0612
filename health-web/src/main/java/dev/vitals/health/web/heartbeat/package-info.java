/**
 * Passive intake: the {@link dev.vitals.health.web.heartbeat.HeartbeatHandler} takes the reports of push-based
 * checks ({@code POST /health/heartbeat/<name>}) as JSON, an empty body, or the form-encoded log records of Python's
 * {@code logging.handlers.HTTPHandler} (its implementation reads their Python literals and %-format templates).
 */
package dev.vitals.health.web.heartbeat;
