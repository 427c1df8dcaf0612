package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.RedisCheck;
import dev.vitals.health.checks.RedisCheckOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.RedisOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The redis check with a connection of its own, spoken in RESP on a plain {@link NetClient} rather than through
 * vertx-redis-client: that client buffers a bulk reply of up to 512 MB, has no smaller bound, keeps a connection
 * whose reply it could not parse, and logs the parse failure itself on every chunk that follows. Here each run
 * opens one connection, sends {@code [AUTH] [SELECT] PING} and {@code INFO replication} in one write, reads at
 * most {@code maxReplySize} bytes and closes the connection when the run ends, however it ends. The client is warmed
 * at creation ({@link ClientWarmUp}), as the http and tcp checks' are: a fresh JVM's class loading is not counted
 * against the first run's timeout.
 */
public final class RespCheckImpl implements RedisCheck {

  private final Vertx vertx;
  private final NetClient client;
  private final String host;
  private final int port;
  private final List<List<String>> commands = new ArrayList<>();
  private final String server;
  private final String password;
  private final long maxLatency;
  private final long timeout;
  private final long maxReplySize;
  private final Future<Void> warmedUp;

  /**
   * @param vertx   the Vert.x instance to create the client on
   * @param options where to connect, {@code maxLatency} and {@code maxReplySize}
   * @param timeout the longest a run takes (connect and replies), in ms
   */
  public RespCheckImpl(Vertx vertx, RedisCheckOptions options, long timeout) {
    RedisOptions redis = options.toRedisOptions();
    URI endpoint = URI.create(redis.getEndpoint());
    this.vertx = vertx;
    this.host = endpoint.getHost();
    this.port = endpoint.getPort();
    this.server = host + ":" + port + (endpoint.getPath() == null ? "" : endpoint.getPath());
    this.password = redis.getPassword();
    this.maxLatency = options.getMaxLatency();
    this.timeout = timeout;
    this.maxReplySize = options.getMaxReplySize();
    boolean tls = "rediss".equals(endpoint.getScheme());
    this.client = vertx.createNetClient(new NetClientOptions()
      .setConnectTimeout((int) Math.min(timeout, Integer.MAX_VALUE))
      .setSsl(tls)
      .setHostnameVerificationAlgorithm(tls ? "HTTPS" : ""));
    this.warmedUp = ClientWarmUp.of(vertx);
    if (password != null) {
      commands.add(redis.getUser() == null ? List.of("AUTH", password) : List.of("AUTH", redis.getUser(), password));
    }
    if (endpoint.getPath() != null && endpoint.getPath().length() > 1) {
      commands.add(List.of("SELECT", endpoint.getPath().substring(1)));
    }
    commands.add(List.of("PING"));
    commands.add(List.of("INFO", "replication"));
  }

  @Override
  public Future<ProcedureResult> run() {
    return warmedUp.compose(warm -> exchange());
  }

  @Override
  public Future<Void> warmedUp() {
    return warmedUp;
  }

  private Future<ProcedureResult> exchange() {
    long start = System.nanoTime();
    return RespExchange.run(vertx, client, host, port, commands, timeout, maxReplySize)
      .map(replies -> {
        for (RespExchange.Reply reply : replies) {
          if (reply.error()) {
            return RedisCheckImpl.failed(server, password, new IllegalStateException(reply.text()));
          }
        }
        int ping = replies.size() - 2;
        return RedisCheckImpl.judge(server, maxLatency, (System.nanoTime() - start) / 1e6,
          replies.get(ping).text(), String.valueOf(replies.get(ping + 1).text()));
      })
      .otherwise(failure -> RedisCheckImpl.failed(server, password, failure));
  }

  @Override
  public Future<Void> close() {
    return client.close().otherwiseEmpty();
  }
}
