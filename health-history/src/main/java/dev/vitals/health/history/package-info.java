/**
 * History stores for a {@code CheckRegistry} ({@code CheckRegistryOptions.setHistoryStore}) that keep the checks'
 * transitions and minute rollups beyond the process: {@link dev.vitals.health.history.PgHistoryStore}, PostgreSQL
 * shared by a fleet, with its {@link dev.vitals.health.history.PgHistoryStoreOptions}.
 */
@ModuleGen(name = "vitals-health-history", groupPackage = "dev.vitals")
package dev.vitals.health.history;

import io.vertx.codegen.annotations.ModuleGen;
