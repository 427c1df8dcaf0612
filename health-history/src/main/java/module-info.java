/**
 * History stores that outlive a restart, behind health-core's {@link dev.vitals.health.HistoryStore} SPI: an
 * embedded SQLite file ({@link dev.vitals.health.history.SqliteHistoryStore}), the standalone's default. The API
 * exposes health-core and Vert.x core types, so both are read by whoever reads this module.
 */
module dev.vitals.health.history {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires java.sql;
  requires java.logging;
  requires org.xerial.sqlitejdbc;

  exports dev.vitals.health.history;
  // The migrations, versioned SQL read as resources.
  opens dev.vitals.health.history.sqlite;
}
