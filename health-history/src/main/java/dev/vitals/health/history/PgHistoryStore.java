package dev.vitals.health.history;

import dev.vitals.health.HistoryStore;
import dev.vitals.health.history.impl.PgHistoryStoreImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A {@link HistoryStore} in PostgreSQL, for a fleet sharing one store: each instance writes its own rows (the
 * {@code instance} column holds the instance name of the rows the registry appends), and any instance reads them
 * all ({@link #instances()}, reads with a {@code null} instance). Over vertx-pg-client, which the application
 * declares (health-history declares it optional).
 *
 * <p>Tables, in the configured database ({@code vitals_history_} before each name, so that they sit beside an
 * application's own): {@code schema_version} (one row per migration applied), {@code series} (an instance's check:
 * id, instance, check name), {@code transitions}, {@code minutes} and {@code hours} (the rollups, their series by
 * id), with times as {@code timestamptz} and durations as ms. The
 * migrations run once the store is created, in one transaction under a transaction-scoped advisory lock
 * ({@code pg_advisory_xact_lock}), so that instances starting together migrate once: the others wait for the lock,
 * then find the schema current. A schema newer than this code knows fails every operation
 * ({@code "schema version 3 is newer than this Vitals knows (1)"}); a migration that fails (PostgreSQL down at
 * start) is tried again by the next operation.
 *
 * <p>An {@link #append} is one transaction of multi-row statements over arrays (the transitions, then the minutes
 * with their hours), at most 5,000 rows a statement (a flush of 1,000 checks is one statement of each kind; the
 * backlog of an outage, several), one append at a time in the order called; reads run beside it on the pool's
 * other connections. Every operation is bounded by {@link PgHistoryStoreOptions#getQueryTimeout()}, an append by as
 * many of them as it has statements (each statement by one, on the server). A
 * fault (PostgreSQL down, a timeout, {@code maxPoolSize + maxWaitQueueSize} operations already under way) fails the
 * future with {@code "history store postgresql://host:port/database: <cause>"} (never the password) and nothing is
 * thrown; the registry keeps its rows meanwhile. The store prunes every instance's rows every {@link HistoryStoreOptions#getPruneInterval()}, in
 * steps of at most 10,000 rows.
 */
public interface PgHistoryStore extends HistoryStore {

  /**
   * Creates the store and starts its migrations at once; the first operations wait for them.
   *
   * @param vertx   the Vert.x instance whose event loop the client uses (no blocking I/O)
   * @param options the retentions, the pruning interval and its clock, and {@link HistoryStoreOptions#getPostgresql()}:
   *                where to connect, the pool's bounds and the timeouts ({@code type} is not read)
   * @return the store; close it after the registry that uses it
   * @throws IllegalArgumentException {@code uri: the client cannot read '<uri, password masked>'}
   * @throws IllegalStateException    {@code "PgHistoryStore needs io.vertx:vertx-pg-client on the class path"} when
   *                                  it is not
   */
  static PgHistoryStore create(Vertx vertx, HistoryStoreOptions options) {
    try {
      return new PgHistoryStoreImpl(vertx, new HistoryStoreOptions(options));
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("PgHistoryStore needs io.vertx:vertx-pg-client on the class path", e);
    }
  }

  /**
   * @return a future completed with the schema version once the migrations are applied (at once when they
   * already are); failed with the store's fault, in which case the next call (or operation) tries again
   */
  Future<Integer> migrate();

  /**
   * Deletes, for every instance, the rows older than their retention by the clock of the options
   * ({@link HistoryStoreOptions#getTransitionRetention()}, {@code getMinuteRetention()},
   * {@code getHourRetention()}), and the instances left without rows: what the store's timer does every
   * {@link HistoryStoreOptions#getPruneInterval()}, and once its migrations are applied at start.
   *
   * @return the number of rows deleted, once the pruning under way (if any) and this one are done; failed with the
   * store's fault
   */
  Future<Long> pruneExpired();

  /**
   * @return where the store connects, for messages: {@code postgresql://host:port/database}, no user or password
   */
  String location();
}
