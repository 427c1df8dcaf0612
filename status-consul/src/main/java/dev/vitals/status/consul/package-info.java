/**
 * Maintenance mode read from, and written to, a Consul agent ({@link dev.vitals.status.consul.ConsulMaintenance}),
 * and the fleet view of a Consul service ({@link dev.vitals.status.consul.ConsulFleet}), both watched with blocking
 * queries.
 */
@ModuleGen(name = "vitals-status-consul", groupPackage = "dev.vitals")
package dev.vitals.status.consul;

import io.vertx.codegen.annotations.ModuleGen;
