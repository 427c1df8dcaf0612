package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.RedisCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

import java.util.List;
import java.util.Locale;

/** {@code PING} and {@code INFO replication} in one batch, timed, judged against {@code maxLatency}. */
public final class RedisCheckImpl implements RedisCheck {

  private final Redis redis;
  private final boolean owned;
  private final long maxLatency;
  private final String server;
  private final String password;

  /**
   * @param redis      the client
   * @param owned      whether closing the check closes the client
   * @param maxLatency the latency above which a run is {@code warn}, in ms; 0: never
   * @param server     how outputs name the server, without credentials
   * @param password   the password, masked wherever it could show in an error message; {@code null} for none known
   */
  public RedisCheckImpl(Redis redis, boolean owned, long maxLatency, String server, String password) {
    this.redis = redis;
    this.owned = owned;
    this.maxLatency = maxLatency;
    this.server = server;
    this.password = password;
  }

  @Override
  public Future<ProcedureResult> run() {
    long start = System.nanoTime();
    return redis.batch(List.of(Request.cmd(Command.PING), Request.cmd(Command.INFO).arg("replication")))
      .map(responses -> judge(server, maxLatency, (System.nanoTime() - start) / 1e6, responses.get(0).toString(),
        responses.get(1).toString()))
      .otherwise(failure -> failed(server, password, failure));
  }

  /** @return the failed result of a run, its output naming the server and the failure, the password masked */
  static ProcedureResult failed(String server, String password, Throwable failure) {
    return ProcedureResult.fail("PING " + server + ": " + Secrets.mask(ProcedureResult.describe(failure), password));
  }

  /**
   * @param server     how outputs name the server
   * @param maxLatency the latency above which a run is {@code warn}, in ms; 0: never
   * @param latencyMs  how long the run took, in ms
   * @param pong       the reply to {@code PING}
   * @param info       the reply to {@code INFO replication}
   * @return the run's result, {@code pass} or {@code warn}, with its data
   */
  static ProcedureResult judge(String server, long maxLatency, double latencyMs, String pong, String info) {
    String summary = String.format(Locale.ROOT, "PING %s: %s in %.1f ms", server, pong, latencyMs);
    JsonObject data = new JsonObject().put("server", server);
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("role:")) {
        data.put("role", line.substring(5).trim());
      } else if (line.startsWith("master_link_status:")) {
        data.put("masterLinkStatus", line.substring(19).trim());
      }
    }
    data.put("latencyMs", latencyMs);
    ProcedureResult result = maxLatency > 0 && latencyMs > maxLatency
      ? ProcedureResult.warn(summary + ", above maxLatency " + maxLatency + " ms")
      : ProcedureResult.pass(summary);
    return result.withData(data);
  }

  @Override
  public Future<Void> close() {
    if (owned) {
      redis.close();
    }
    return Future.succeededFuture();
  }
}
