package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A type of health-checks: its options class reads the entry (its JSON constructor, which leaves the common keys to
 * {@link CheckOptions}), and {@link #register} creates the check from them.
 *
 * @param <T> the type's options class
 */
abstract class BuiltInType<T> implements CheckType {

  private final String name;
  private final String description;
  private final Function<JsonObject, T> reader;
  private final JsonObject schema;

  /**
   * @param name        the config's {@code type}
   * @param description when a check of the type passes (see {@link CheckType#description()})
   * @param reader      the options class's JSON constructor
   * @param schema      the options class's schema ({@code HttpCheckOptions::schema}), whose {@code properties} and
   *                    {@code required} are the type's fragment
   */
  BuiltInType(String name, String description, Function<JsonObject, T> reader, Supplier<JsonObject> schema) {
    this.name = name;
    this.description = description;
    this.reader = reader;
    JsonObject options = schema.get();
    this.schema = new JsonObject().put("properties", options.getJsonObject("properties").copy());
    if (options.containsKey("required")) {
      this.schema.put("required", options.getJsonArray("required").copy());
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
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
