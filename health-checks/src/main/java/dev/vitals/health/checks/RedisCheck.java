package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.RedisCheckImpl;
import dev.vitals.health.checks.impl.RespCheckImpl;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * {@code PING} and {@code INFO replication} in one batch on a Redis connection: {@code pass} with the output
 * {@code PING <host>:<port>: PONG in 0.4 ms}, {@code warn} when it took longer than {@code maxLatency},
 * {@code fail} with the server's or the client's error otherwise. Data: {@code {"server": "<host>:<port>[/<database>]",
 * "role": "master", "latencyMs": 0.4}}, and for a replica {@code "masterLinkStatus": "up"} too. Passwords never
 * appear in outputs or data. A server that stops fails the check (within the check's timeout); a server that
 * returns is seen at the next run, as the client connects again.
 */
public interface RedisCheck extends ResourceCheck {

  /**
   * A check over the application's own client: no connection of its own.
   *
   * @param redis   the application's client; closing the check leaves it open
   * @param options {@code maxLatency} (the connection fields are not used)
   * @return the check
   */
  static RedisCheck create(Redis redis, RedisCheckOptions options) {
    return new RedisCheckImpl(redis, false, options.getMaxLatency(), "redis", null);
  }

  /**
   * A check with a connection of its own, bounded: each run opens one connection, sends {@code AUTH} (when a
   * password is set), {@code SELECT} (when a database is), {@code PING} and {@code INFO replication} in one
   * write, reads at most {@code maxReplySize} bytes (default 64 KB) of replies, and closes the connection when
   * the run ends, passed, failed or timed out at the check's {@code timeout}. A reply announcing more than
   * {@code maxReplySize} fails the run at once ({@code PING <server>: a reply announces <n> bytes, more than
   * maxReplySize (<m> bytes)}) without being read. Nothing is logged by the connection itself: every error is
   * the run's output. Create it on a {@link DependencyLoop}'s instance to keep its I/O off the application's
   * event loops. The client is warmed at creation ({@link #warmedUp()}), so that class loading is not counted
   * against the first run's timeout.
   *
   * @param vertx   the Vert.x instance to create the client on (a {@link DependencyLoop}'s keeps its I/O off the
   *                application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, the longest a
   *                run of its connection takes
   * @param options where to connect, {@code maxLatency} and {@code maxReplySize}
   * @return the check
   */
  static RedisCheck create(Vertx vertx, CheckOptions check, RedisCheckOptions options) {
    return new RespCheckImpl(vertx, options, check.getTimeout());
  }
}
