package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * A type of health-checks: its options class reads the entry (its JSON constructor, which leaves the common keys to
 * {@link CheckOptions}), and {@link #register} creates the check from them.
 *
 * @param <T> the type's options class
 */
abstract class BuiltInType<T> implements CheckType {

  private final String name;
  private final Function<JsonObject, T> reader;
  private final JsonObject schema;

  /**
   * @param name   the config's {@code type}
   * @param reader the options class's JSON constructor
   * @param schema the JSON Schema fragment of the entry's own keys
   */
  BuiltInType(String name, Function<JsonObject, T> reader, String schema) {
    this.name = name;
    this.reader = reader;
    this.schema = new JsonObject(schema);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JsonObject schema() {
    return schema.copy();
  }

  @Override
  public Factory parse(JsonObject entry) {
    T options = reader.apply(entry);
    return (vertx, dependencies, registry, check) -> register(vertx, dependencies, registry, check, options);
  }

  /** Creates the check from its options and registers it. */
  abstract Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                                 T options);
}
