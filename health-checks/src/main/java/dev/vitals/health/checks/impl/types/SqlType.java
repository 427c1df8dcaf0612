package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.ResourceCheck;
import dev.vitals.health.checks.SqlCheckOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** {@code postgres} and {@code mysql}: a SQL check with a connection of its own, on the dependency loop. */
abstract class SqlType extends BuiltInType<SqlCheckOptions> {

  private final SqlFactory factory;

  /** {@code PostgresCheck::create}, {@code MySQLCheck::create}. */
  @FunctionalInterface
  interface SqlFactory {
    ResourceCheck create(Vertx vertx, CheckOptions check, SqlCheckOptions options);
  }

  /**
   * @param name        the config's {@code type}
   * @param description when a check of the type passes (see {@link dev.vitals.health.checks.CheckType#description()})
   * @param uriPattern  the schemes of the client's URI, as a regular expression: the {@code pattern} of {@code uri}
   * @param example     the URI's form, for the description of {@code uri}
   * @param factory     the check's factory
   */
  SqlType(String name, String description, String uriPattern, String example, SqlFactory factory) {
    super(name, description, SqlCheckOptions::new, () -> {
      JsonObject schema = SqlCheckOptions.schema();
      // SqlCheckOptions takes both clients' URIs; the type takes its client's.
      schema.getJsonObject("properties").getJsonObject("uri").put("pattern", uriPattern).put("x-expected", example).put("description",
        "the server's URI, " + example + "; host, port, database, user and password override its parts");
      return schema;
    });
    this.factory = factory;
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        SqlCheckOptions options) {
    return Registration.of(registry, check, factory.create(dependencies, check, options));
  }
}
