/**
 * The fleet, served: the {@link dev.vitals.health.web.fleet.FleetHandler} answers {@code GET /health/fleet} from a
 * health-fleet {@code FleetSource}, and publishes this instance to the fleet as its {@code LocalNode}.
 *
 * <p>An optional part: health-web reads health-fleet only when it is present ({@code requires static}, an optional
 * Maven dependency), so an application that serves {@code /health} alone does not get it. One that uses this
 * package, or {@code MaintenanceHandler.fleet}, depends on {@code dev.vitals:health-fleet} itself.
 */
package dev.vitals.health.web.fleet;
