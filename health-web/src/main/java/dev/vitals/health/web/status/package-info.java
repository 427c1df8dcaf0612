/**
 * {@code /status} and maintenance: the {@link dev.vitals.health.web.status.StatusHandler} (what the application is
 * and whether it is in service) and the {@link dev.vitals.health.web.status.MaintenanceHandler} (maintenance switched
 * on and off, of this instance or, with health-fleet, of the whole fleet).
 */
package dev.vitals.health.web.status;
