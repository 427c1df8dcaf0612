package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.ResourceCheck;
import dev.vitals.health.checks.SqlCheckOptions;
import io.vertx.core.Vertx;


/** {@code postgres} and {@code mysql}: a SQL check with a connection of its own, on the dependency loop. */
abstract class SqlType extends BuiltInType<SqlCheckOptions> {

  private final SqlFactory factory;

  /** {@code PostgresCheck::create}, {@code MySQLCheck::create}. */
  @FunctionalInterface
  interface SqlFactory {
    ResourceCheck create(Vertx vertx, CheckOptions check, SqlCheckOptions options);
  }

  /**
   * @param name       the config's {@code type}
   * @param uriPattern the schemes of the client's URI, as a regular expression
   * @param example    the URI's form, for the schema's description
   * @param factory    the check's factory
   */
  SqlType(String name, String uriPattern, String example, SqlFactory factory) {
    super(name, SqlCheckOptions::new, """
      {"properties": {
        "uri": {"type": "string", "pattern": "%s", "description": "%s"},
        "host": {"$ref": "#/$defs/text"},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "database": {"$ref": "#/$defs/text"},
        "user": {"$ref": "#/$defs/text"},
        "password": {"type": "string", "writeOnly": true},
        "query": {"$ref": "#/$defs/text", "default": "SELECT 1"},
        "maxLatency": {"$ref": "#/$defs/duration", "default": 0}
      }}
      """.formatted(uriPattern, example));
    this.factory = factory;
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        SqlCheckOptions options) {
    return Registration.of(registry, check, factory.create(dependencies, check, options));
  }
}
