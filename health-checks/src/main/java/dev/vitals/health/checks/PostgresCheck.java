package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.SqlCheckImpl;
import dev.vitals.health.checks.impl.SqlPools;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;

/**
 * Runs {@code query} (default {@code SELECT 1}) on a PostgreSQL connection: {@code pass} with the output
 * {@code SELECT 1 on <host>:<port>/<database>: 1.2 ms}, {@code warn} when it took longer than {@code maxLatency},
 * {@code fail} with the server's or the client's error otherwise. Data:
 * {@code {"server": "<host>:<port>/<database>", "version": "15.8 (Debian 15.8-0+deb12u1)", "latencyMs": 1.2}}.
 * Passwords never appear in outputs or data. A server that stops fails the check (within the check's timeout); a
 * server that returns is seen at the next run, as the pool opens a new connection.
 */
public interface PostgresCheck extends ResourceCheck {

  /**
   * A check over the application's own pool: no connection of its own, each run borrows one of the pool's.
   *
   * @param pool    the application's pool; closing the check leaves it open
   * @param options the query and {@code maxLatency} (the connection fields are not used)
   * @return the check; outputs name the server {@code postgres}
   */
  static PostgresCheck create(Pool pool, SqlCheckOptions options) {
    return new SqlCheckImpl(pool, false, options.getQuery(), options.getMaxLatency(), "postgres", null);
  }

  /**
   * A check with a client of its own: a pool of one connection, opened at the first run and kept while runs pass;
   * a run that fails, or reaches the check's {@code timeout} (its one deadline, in ms), closes the pool and its
   * connection, however far the client got in a reply, and the next run opens a new one; closing the check closes
   * it. One run at a time: a run asked for while the previous one is still in progress fails at once with the
   * output {@code <query> on <server>: previous run still in progress}, so the check holds at most one connection
   * beyond the one being closed. The client has no bound on a reply's size: the deadline is what bounds a hostile
   * one.
   *
   * @param vertx   the Vert.x instance to create the pool on: a {@link DependencyLoop}'s, to keep its I/O off the
   *                application's event loops
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, and the pool's
   *                connect timeout
   * @param options where to connect ({@code postgres://} URI and fields), the query and {@code maxLatency}
   * @return the check
   * @throws IllegalArgumentException {@code uri: ...} when the PostgreSQL client cannot read the URI
   */
  static PostgresCheck create(Vertx vertx, CheckOptions check, SqlCheckOptions options) {
    return SqlPools.check(vertx, options, check.getTimeout(), PgBuilder.pool(), PgConnectOptions::fromUri, new PgConnectOptions());
  }
}
