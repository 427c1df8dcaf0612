package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.SqlCheckImpl;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.concurrent.TimeUnit;

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
   * @return the check
   */
  static PostgresCheck create(Pool pool, PostgresCheckOptions options) {
    return new SqlCheckImpl(pool, false, options.getQuery(), options.getMaxLatency(), "postgres", null);
  }

  /**
   * A check with a client of its own: a pool of one connection, opened at the first run and kept; closing the
   * check closes it.
   *
   * @param vertx   the Vert.x instance to create the pool on
   * @param options where to connect, the query and {@code maxLatency}
   * @return the check
   * @throws IllegalArgumentException when the options do not name a server the client can read
   */
  static PostgresCheck create(Vertx vertx, PostgresCheckOptions options) {
    PgConnectOptions connect = options.toConnectOptions();
    int timeout = (int) Math.min(options.getTimeout(), Integer.MAX_VALUE);
    Pool pool = PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(timeout).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
      .with(new NetClientOptions().setConnectTimeout(timeout))
      .connectingTo(connect)
      .using(vertx)
      .build();
    return new SqlCheckImpl(pool, true, options.getQuery(), options.getMaxLatency(),
      connect.getHost() + ":" + connect.getPort() + "/" + connect.getDatabase(), connect.getPassword());
  }
}
