package dev.vitals.health.checks.impl.types;

import dev.vitals.health.checks.PostgresCheck;

/** {@code "type": "postgres"}: {@link PostgresCheck} with a connection of its own, on the dependency loop. */
public final class PostgresType extends SqlType {

  /** The type, for {@link java.util.ServiceLoader}. */
  public PostgresType() {
    super("postgres", "the query answers; slower than maxLatency is warn; one connection of its own",
      "^postgres(ql)?://", "postgres://user:password@host:port/database", PostgresCheck::create);
  }
}
