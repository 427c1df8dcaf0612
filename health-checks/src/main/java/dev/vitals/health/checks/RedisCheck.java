package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.RedisCheckImpl;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

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
   * A check with a client of its own: one connection, opened at the first run and kept; closing the check closes
   * it.
   *
   * @param vertx   the Vert.x instance to create the client on
   * @param options where to connect and {@code maxLatency}
   * @return the check
   */
  static RedisCheck create(Vertx vertx, RedisCheckOptions options) {
    RedisOptions redis = options.toRedisOptions();
    String endpoint = redis.getEndpoint();
    return new RedisCheckImpl(Redis.createClient(vertx, redis), true, options.getMaxLatency(),
      endpoint.substring(endpoint.indexOf("://") + 3), redis.getPassword());
  }
}
