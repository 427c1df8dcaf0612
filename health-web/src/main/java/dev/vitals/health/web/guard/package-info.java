/**
 * What keeps a Vitals server's routes safe, request by request: the
 * {@link dev.vitals.health.web.guard.RequestGuardHandler} (a deadline for a request's body, connections closed
 * after an unread body or while draining, JSON answers to malformed requests), the
 * {@link dev.vitals.health.web.guard.InFlightLimitHandler} (a budget of requests served at once), the
 * {@link dev.vitals.health.web.guard.AdminTokenHandler} (the admin bearer token) and the
 * {@link dev.vitals.health.web.guard.JsonErrorHandler} (JSON bodies for what the router answers itself).
 * {@link dev.vitals.health.web.VitalsRoutes} mounts them in their safe order.
 */
package dev.vitals.health.web.guard;
