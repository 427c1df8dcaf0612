/**
 * The registry's past and a person watching it: {@link dev.vitals.health.web.history.HistoryRoutes} mounts
 * {@code /health/history} (transitions, availability, flapping), {@code /health/events} (the server-sent event
 * stream of status changes), {@code /health/ui} (the dashboard, its script and style served from this part's
 * resources) and {@code /health/badges/<check>.svg} (status badges).
 */
package dev.vitals.health.web.history;
