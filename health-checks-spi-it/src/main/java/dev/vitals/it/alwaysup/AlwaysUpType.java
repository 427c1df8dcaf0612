package dev.vitals.it.alwaysup;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code {"name": "up", "type": "always-up", "message": "all good"}}: a check that always passes, with
 * {@code message} (default {@code up}) as its output. Named in this jar's
 * {@code META-INF/services/dev.vitals.health.checks.CheckType}, as a third party would.
 */
public final class AlwaysUpType implements CheckType {

  /** The type, for {@link java.util.ServiceLoader}. */
  public AlwaysUpType() {
  }

  @Override
  public String name() {
    return "always-up";
  }

  @Override
  public String description() {
    return "always, with message as its output";
  }

  @Override
  public JsonObject schema() {
    return new JsonObject("""
      {"properties": {"message": {"$ref": "#/$defs/text", "default": "up"}}}
      """);
  }

  @Override
  public Factory parse(JsonObject entry) {
    String message = entry.getString("message", "up");
    return (vertx, dependencies, registry, options) -> {
      registry.register(options, () -> Future.succeededFuture(ProcedureResult.pass(message)));
      return Registration.NONE;
    };
  }
}
