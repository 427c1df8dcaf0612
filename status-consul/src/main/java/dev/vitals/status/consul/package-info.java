/**
 * Maintenance mode read from, and written to, a Consul agent, watched with blocking queries.
 */
@ModuleGen(name = "vitals-status-consul", groupPackage = "dev.vitals")
package dev.vitals.status.consul;

import io.vertx.codegen.annotations.ModuleGen;
