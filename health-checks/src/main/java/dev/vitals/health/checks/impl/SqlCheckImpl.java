package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.MySQLCheck;
import dev.vitals.health.checks.PostgresCheck;
import io.vertx.core.Context;
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
 * run: a bad run never leaves its connection open. It runs one run at a time: a run asked for while the previous
 * one is still in progress (the registry gave up on it a moment before the check's own deadline) fails at once
 * rather than open another pool, so the check never holds more than one pool beyond the one being closed.
 */
public final class SqlCheckImpl implements PostgresCheck, MySQLCheck {

  private final Vertx vertx;
  private final Supplier<Pool> pools;
  private final long timeout;
  /** Where {@code pool}, {@code running} and {@code closed} of a check with pools of its own are read and written. */
  private final Context context;
  private Pool pool;
  private boolean running;
  private boolean closed;
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
    this.context = vertx == null ? null : vertx.getOrCreateContext();
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
    Promise<ProcedureResult> ended = Promise.promise();
    context.runOnContext(v -> start(ended));
    return ended.future();
  }

  /** On the check's context. */
  private void start(Promise<ProcedureResult> ended) {
    if (closed || running) {
      ended.complete(ProcedureResult.fail(query + " on " + server + ": "
        + (closed ? "the check is closed" : "previous run still in progress")));
      return;
    }
    running = true;
    if (pool == null) {
      pool = pools.get();
    }
    Pool used = pool;
    Promise<ProcedureResult> outcome = Promise.promise();
    long timer = vertx.setTimer(timeout, id -> outcome.tryComplete(failed(
      new TimeoutException("timed out after " + timeout + " ms"))));
    query(used).onSuccess(outcome::tryComplete);
    // the run is over for the check before it is for the caller, who may ask for the next at once
    outcome.future().onComplete(done -> context.runOnContext(v -> {
      vertx.cancelTimer(timer);
      running = false;
      if (!done.result().passed() && pool == used) {
        pool = null; // the next run opens a new one
        used.close();
      }
      ended.complete(done.result());
    }));
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
    if (!owned) {
      return Future.succeededFuture();
    }
    if (pools == null) {
      return pool.close().otherwiseEmpty();
    }
    Promise<Void> released = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      Pool open = pool;
      pool = null;
      (open == null ? Future.<Void>succeededFuture() : open.close().otherwiseEmpty()).onComplete(released);
    });
    return released.future();
  }
}
