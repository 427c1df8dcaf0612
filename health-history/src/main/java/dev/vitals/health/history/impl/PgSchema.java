package dev.vitals.health.history.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PgHistoryStore's schema and its migrations: versioned SQL files beside this class ({@code pg/V<n>__<name>.sql}),
 * applied in order in one transaction, under a transaction-scoped advisory lock so that stores starting together
 * against one database migrate once, and recorded in {@code vitals_history_schema_version}.
 */
public final class PgSchema {

  /**
   * The advisory lock key the migrations take ({@code pg_advisory_xact_lock}): the bytes of {@code "VitalsH1"}, so
   * that an operator reading {@code pg_locks} can tell it from an application's.
   */
  public static final long MIGRATION_LOCK = 0x5669_7461_6c73_4831L;

  /** The version table. */
  public static final String VERSION_TABLE = "vitals_history_schema_version";

  /** The migrations, oldest first: version {@code i + 1} is the file {@code MIGRATIONS.get(i)}. */
  static final List<String> MIGRATIONS = List.of("V1__tables.sql");

  /** The schema version this code writes and reads. */
  public static final int LATEST = MIGRATIONS.size();

  private PgSchema() {
  }

  /**
   * Applies the migrations the database lacks; the caller runs it in a transaction (the lock is released when it
   * ends).
   *
   * @param conn a connection in a transaction
   * @return the schema version now; failed when the database's version is newer than {@link #LATEST}
   */
  static Future<Integer> migrate(SqlConnection conn) {
    return conn.query("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")").execute()
      .compose(locked -> conn.query("SELECT to_regclass('" + VERSION_TABLE + "') IS NOT NULL").execute())
      .compose(exists -> exists.iterator().next().getBoolean(0) ? Future.succeededFuture()
        : conn.query("CREATE TABLE " + VERSION_TABLE + " (version integer PRIMARY KEY, description text NOT NULL,"
          + " applied_at timestamptz NOT NULL DEFAULT now())").execute().mapEmpty())
      .compose(created -> conn.query("SELECT coalesce(max(version), 0) FROM " + VERSION_TABLE).execute())
      .compose(rows -> {
        Row row = rows.iterator().next();
        int current = row.getInteger(0);
        if (current > LATEST) {
          return Future.failedFuture(new IllegalStateException("schema version " + current
            + " is newer than this Vitals knows (" + LATEST + ")"));
        }
        Future<Integer> applied = Future.succeededFuture(current);
        for (int version = current + 1; version <= LATEST; version++) {
          int v = version;
          String file = MIGRATIONS.get(v - 1);
          applied = applied.compose(done -> conn.query(script(file)).execute())
            .compose(done -> conn.preparedQuery("INSERT INTO " + VERSION_TABLE + " (version, description) VALUES ($1, $2)")
              .execute(Tuple.of(v, file)))
            .map(done -> v);
        }
        return applied;
      });
  }

  private static String script(String file) {
    try (InputStream in = PgSchema.class.getResourceAsStream("pg/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration pg/" + file + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration pg/" + file, e);
    }
  }
}
