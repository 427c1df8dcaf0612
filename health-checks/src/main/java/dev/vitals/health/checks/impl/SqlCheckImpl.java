package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.MySQLCheck;
import dev.vitals.health.checks.PostgresCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.Locale;

/** One query on a connection borrowed from a pool, timed, judged against {@code maxLatency}. */
public final class SqlCheckImpl implements PostgresCheck, MySQLCheck {

  private final Pool pool;
  private final boolean owned;
  private final String query;
  private final long maxLatency;
  private final String server;
  private final String password;

  /**
   * @param pool       the pool to borrow a connection of
   * @param owned      whether closing the check closes the pool
   * @param query      the query to run
   * @param maxLatency the latency above which a run is {@code warn}, in ms; 0: never
   * @param server     how outputs name the server, without credentials
   * @param password   the password, masked wherever it could show in an error message; {@code null} for none known
   */
  public SqlCheckImpl(Pool pool, boolean owned, String query, long maxLatency, String server, String password) {
    this.pool = pool;
    this.owned = owned;
    this.query = query;
    this.maxLatency = maxLatency;
    this.server = server;
    this.password = password;
  }

  @Override
  public Future<ProcedureResult> run() {
    long start = System.nanoTime();
    return pool.getConnection().compose(connection -> connection.query(query).execute()
        .map(rows -> {
          double latencyMs = (System.nanoTime() - start) / 1e6;
          String version = connection.databaseMetadata().fullVersion();
          return judge(latencyMs, version);
        })
        .eventually(connection::close))
      .otherwise(failure -> ProcedureResult.fail(query + " on " + server + ": "
        + Secrets.mask(ProcedureResult.describe(failure), password)));
  }

  private ProcedureResult judge(double latencyMs, String version) {
    String summary = String.format(Locale.ROOT, "%s on %s: %.1f ms", query, server, latencyMs);
    ProcedureResult result = maxLatency > 0 && latencyMs > maxLatency
      ? ProcedureResult.warn(summary + ", above maxLatency " + maxLatency + " ms")
      : ProcedureResult.pass(summary);
    return result.withData(new JsonObject().put("server", server).put("version", version).put("latencyMs", latencyMs));
  }

  @Override
  public Future<Void> close() {
    return owned ? pool.close().otherwiseEmpty() : Future.succeededFuture();
  }
}
