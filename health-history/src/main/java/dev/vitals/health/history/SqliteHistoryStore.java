package dev.vitals.health.history;

import dev.vitals.health.HistoryStore;
import dev.vitals.health.history.impl.SqliteHistoryStoreImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * A {@link HistoryStore} in one SQLite file (org.xerial:sqlite-jdbc, the database engine inside the jar; nothing to
 * install): the standalone's default, so availability survives a restart with no config.
 *
 * <p>All its JDBC runs on one worker thread of its own, in call order, never on an event loop; each
 * {@link #append} is one transaction (WAL journal, {@code synchronous=NORMAL}: a committed batch survives the
 * process dying; a power cut may lose the last ones). The schema is versioned (a {@code schema_version} table) and
 * migrated when the file is opened, from versioned SQL files inside the jar; a file written by a newer Vitals is
 * refused rather than changed. Rows are pruned on a timer, per kind, as {@link HistoryStoreOptions} says.
 *
 * <p>On disk (measured by {@code SqliteDiskTest}, see docs/history.md): 1.8 MB per check per 30 days of minutes
 * (41 bytes per check and minute, its hourly sums and a transition an hour included); with the default retentions
 * (minutes 7 days, hourly sums and transitions 90 days) about 0.5 MB per check.
 */
public interface SqliteHistoryStore extends HistoryStore {

  /** The schema version this Vitals writes, the highest migration it has: 1. */
  int SCHEMA_VERSION = 1;

  /**
   * Opens (creating it if need be) the file at {@code options.getPath()}, migrates its schema, prunes it once and
   * starts the pruning timer.
   *
   * @param vertx   the Vert.x whose worker thread and timer it uses
   * @param options the file and the retentions ({@code type} is not read)
   * @return the store, ready; failed with {@link IllegalStateException} {@code "history store <absolute path>:
   * <cause>"} when the file cannot be opened or written (no such directory, no permission, not a SQLite file,
   * corrupt, a schema newer than {@value #SCHEMA_VERSION}); nothing is left open then
   */
  static Future<SqliteHistoryStore> open(Vertx vertx, HistoryStoreOptions options) {
    return SqliteHistoryStoreImpl.open(vertx, options);
  }

  /** @return the file, absolute */
  Path path();

  /** @return the file's schema version, after the migrations applied when it was opened */
  int schemaVersion();
}
