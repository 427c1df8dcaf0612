package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.MySQLCheck;
import dev.vitals.health.checks.PostgresCheck;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One query on a connection borrowed from a pool, timed, judged against {@code maxLatency}. A check with a pool of
 * its own ends a run at its deadline itself and, after any run that failed or timed out, closes the pool (and the
 * connection in it, which may be stuck in a reply the client is still buffering) and opens a new one for the next
 * run: a bad run never leaves its connection open.
 */
public final class SqlCheckImpl implements PostgresCheck, MySQLCheck {

  private final Vertx vertx;
  private final Supplier<Pool> pools;
  private final long timeout;
  private volatile Pool pool;
  private volatile Future<ProcedureResult> last;
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
    this(null, null, 0, pool, owned, query, maxLatency, server, password);
  }

  /**
   * A check with pools of its own.
   *
   * @param vertx      the Vert.x instance of the pools (the deadline's timer)
   * @param pools      opens a pool; called now and after each bad run
   * @param timeout    the longest a run takes, in ms, after which its pool is closed
   * @param query      the query to run
   * @param maxLatency the latency above which a run is {@code warn}, in ms; 0: never
   * @param server     how outputs name the server, without credentials
   * @param password   the password, masked wherever it could show in an error message; {@code null} for none known
   */
  public SqlCheckImpl(Vertx vertx, Supplier<Pool> pools, long timeout, String query, long maxLatency, String server,
                      String password) {
    this(vertx, pools, timeout, pools.get(), true, query, maxLatency, server, password);
  }

  private SqlCheckImpl(Vertx vertx, Supplier<Pool> pools, long timeout, Pool pool, boolean owned, String query,
                       long maxLatency, String server, String password) {
    this.vertx = vertx;
    this.pools = pools;
    this.timeout = timeout;
    this.pool = pool;
    this.owned = owned;
    this.query = query;
    this.maxLatency = maxLatency;
    this.server = server;
    this.password = password;
  }

  @Override
  public Future<ProcedureResult> run() {
    if (pools == null) {
      return query(pool);
    }
    Future<ProcedureResult> previous = last;
    if (previous != null && !previous.isComplete()) {
      // the registry gave up on the previous run a moment before the check's own deadline: leave its pool to it
      pool = pools.get();
    }
    Pool used = pool;
    Promise<ProcedureResult> ended = Promise.promise();
    long timer = vertx.setTimer(timeout, id -> ended.tryComplete(failed(
      new TimeoutException("timed out after " + timeout + " ms"))));
    query(used).onSuccess(ended::tryComplete);
    last = ended.future().onComplete(done -> {
      vertx.cancelTimer(timer);
      if (!done.result().passed()) {
        if (pool == used) {
          pool = pools.get();
        }
        used.close();
      }
    });
    return last;
  }

  private Future<ProcedureResult> query(Pool pool) {
    long start = System.nanoTime();
    return pool.getConnection().compose(connection -> connection.query(query).execute()
        .map(rows -> {
          double latencyMs = (System.nanoTime() - start) / 1e6;
          String version = connection.databaseMetadata().fullVersion();
          return judge(latencyMs, version);
        })
        .eventually(connection::close))
      .otherwise(this::failed);
  }

  private ProcedureResult failed(Throwable failure) {
    return ProcedureResult.fail(query + " on " + server + ": "
      + Secrets.mask(ProcedureResult.describe(failure), password));
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
