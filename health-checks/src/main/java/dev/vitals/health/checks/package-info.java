/**
 * Checks of real dependencies, each a factory with its options (a data object):
 * {@link dev.vitals.health.checks.HttpCheck}, {@link dev.vitals.health.checks.TcpCheck},
 * {@link dev.vitals.health.checks.TlsCheck}, {@link dev.vitals.health.checks.DnsCheck},
 * {@link dev.vitals.health.checks.DiskSpaceCheck}, {@link dev.vitals.health.checks.HeapCheck},
 * {@link dev.vitals.health.checks.EventLoopCheck}, {@link dev.vitals.health.checks.EventBusCheck},
 * {@link dev.vitals.health.checks.PostgresCheck}, {@link dev.vitals.health.checks.MySQLCheck},
 * {@link dev.vitals.health.checks.RedisCheck} and {@link dev.vitals.health.checks.JdbcCheck}. Register what a
 * factory returns in a {@code CheckRegistry} with the check's {@code CheckOptions} (name, timeout, TTLs, tags,
 * {@code dependsOn}): a check with a deadline of its own (a connect, an exchange, a query) is created with the same
 * options, whose {@code timeout} is its one deadline. Close a {@link dev.vitals.health.checks.ResourceCheck} (or a
 * {@code JdbcCheck}) after unregistering it.
 */
@ModuleGen(name = "vitals-health-checks", groupPackage = "dev.vitals")
package dev.vitals.health.checks;

import io.vertx.codegen.annotations.ModuleGen;
