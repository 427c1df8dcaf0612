package dev.vitals.health.checks.impl;

import dev.vitals.health.checks.SqlCheckOptions;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.sqlclient.ClientBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** The one-connection pool of a SQL check that has a client of its own, for any Vert.x SQL client. */
public final class SqlPools {

  private SqlPools() {
  }

  /**
   * @param vertx    the Vert.x instance
   * @param options  where to connect, the query and the latency threshold
   * @param timeout  the longest a run takes, in ms, and the pool's connect timeout
   * @param builder  the client's pool builder ({@code PgBuilder.pool()}, {@code MySQLBuilder.pool()})
   * @param fromUri  the client's URI reader
   * @param defaults the client's default connect options, used without a URI
   * @return the check over a pool of one connection, which it closes when closed
   * @throws IllegalArgumentException {@code uri: ...} (the password masked) when the client cannot read the URI
   */
  public static SqlCheckImpl check(Vertx vertx, SqlCheckOptions options, long timeout,
                                   ClientBuilder<Pool> builder, Function<String, ? extends SqlConnectOptions> fromUri,
                                   SqlConnectOptions defaults) {
    SqlConnectOptions connect;
    try {
      connect = options.getUri() == null ? defaults : fromUri.apply(options.getUri());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("uri: the client cannot read '" + Secrets.maskUri(options.getUri()) + "'");
    }
    if (options.getHost() != null) {
      connect.setHost(options.getHost());
    }
    if (options.getPort() != 0) {
      connect.setPort(options.getPort());
    }
    if (options.getDatabase() != null) {
      connect.setDatabase(options.getDatabase());
    }
    if (options.getUser() != null) {
      connect.setUser(options.getUser());
    }
    if (options.getPassword() != null) {
      connect.setPassword(options.getPassword());
    }
    int connectTimeout = (int) Math.min(timeout, Integer.MAX_VALUE);
    Supplier<Pool> pools = () -> builder
      .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(connectTimeout)
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
      .with(new NetClientOptions().setConnectTimeout(connectTimeout))
      .connectingTo(connect)
      .using(vertx)
      .build();
    String database = connect.getDatabase() == null ? "" : connect.getDatabase();
    return new SqlCheckImpl(vertx, pools, timeout, options.getQuery(), options.getMaxLatency(),
      connect.getHost() + ":" + connect.getPort() + "/" + database, connect.getPassword());
  }
}
