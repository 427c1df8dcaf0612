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
    super("redis", RedisCheckOptions::new, """
      {"properties": {
        "uri": {"type": "string", "pattern": "^rediss?://", "description": "redis://:password@host:port/database"},
        "host": {"$ref": "#/$defs/text"},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "database": {"type": "integer", "minimum": 0},
        "user": {"$ref": "#/$defs/text"},
        "password": {"type": "string", "writeOnly": true},
        "maxLatency": {"$ref": "#/$defs/duration", "default": 0},
        "maxReplySize": {"$ref": "#/$defs/size", "default": "64KB", "description": "the most bytes of replies a run reads; a reply announcing more fails the run"}
      }}
      """);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        RedisCheckOptions options) {
    return Registration.of(registry, check, RedisCheck.create(dependencies, check, options));
  }
}
