/**
 * History stores that outlive a restart, behind health-core's {@link dev.vitals.health.HistoryStore} SPI: an
 * embedded SQLite file ({@link dev.vitals.health.history.SqliteHistoryStore}), the standalone's default, and
 * PostgreSQL ({@link dev.vitals.health.history.PgHistoryStore}), shared by a fleet, each instance writing its own rows
 * and any instance reading them all. The API exposes health-core and Vert.x core types, so both are read by whoever
 * reads this module; vertx-pg-client is needed only by an application on PostgreSQL.
 */
module dev.vitals.health.history {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires java.sql;
  requires java.logging;
  requires org.xerial.sqlitejdbc;
  // PgHistoryStore only; optional for applications on another store.
  requires static io.vertx.sql.client;
  requires static io.vertx.sql.client.pg;

  exports dev.vitals.health.history;
  // The migrations, versioned SQL read as resources.
  opens dev.vitals.health.history.sqlite;
}
