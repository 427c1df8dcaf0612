package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.RedisCheck;
import dev.vitals.health.checks.RedisCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "redis"}: {@link RedisCheck} with a connection of its own, on the dependency loop. */
public final class RedisType extends BuiltInType<RedisCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public RedisType() {
    super("redis", "PING answers; slower than maxLatency is warn; one connection per run, replies bounded",
      RedisCheckOptions::new, RedisCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        RedisCheckOptions options) {
    return Registration.of(registry, check, RedisCheck.create(dependencies, check, options));
  }
}
