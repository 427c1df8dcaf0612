/**
 * Fleet health. {@link dev.vitals.health.fleet.NodeStatus} is what one instance reports of itself;
 * {@link dev.vitals.health.fleet.FleetSource} keeps the view of every instance ({@link dev.vitals.health.fleet.FleetView}
 * of {@link dev.vitals.health.fleet.FleetMember}s), read from memory on every request; {@link dev.vitals.health.fleet.Quorum}
 * says how many ready instances the fleet needs. {@link dev.vitals.health.fleet.ClusterFleet} is the source over a
 * clustered Vert.x event bus, which also switches maintenance for the whole fleet
 * ({@link dev.vitals.health.fleet.FleetMaintenance}); status-consul's {@code ConsulFleet} is the source over Consul.
 */
package dev.vitals.health.fleet;
