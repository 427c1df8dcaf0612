/**
 * The registry's past and a person watching it: {@link dev.vitals.health.web.history.HistoryRoutes} mounts
 * {@code /health/history} (transitions, availability, flapping), {@code /health/events} (the server-sent event
 * stream of status changes) and {@code /health/ui} (the dashboard, its script and style served from this part's
 * resources).
 */
package dev.vitals.health.web.history;
