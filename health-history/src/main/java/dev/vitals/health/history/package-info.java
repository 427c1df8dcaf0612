/**
 * History stores for a {@code CheckRegistry} ({@code CheckRegistryOptions.setHistoryStore}) that keep the checks'
 * transitions and minute rollups beyond the process: {@link dev.vitals.health.history.SqliteHistoryStore}, one
 * SQLite file, and {@link dev.vitals.health.history.PgHistoryStore}, PostgreSQL shared by a fleet;
 * {@link dev.vitals.health.history.HistoryStores} opens the one {@link dev.vitals.health.history.HistoryStoreOptions}
 * name.
 */
@ModuleGen(name = "vitals-health-history", groupPackage = "dev.vitals")
package dev.vitals.health.history;

import io.vertx.codegen.annotations.ModuleGen;
