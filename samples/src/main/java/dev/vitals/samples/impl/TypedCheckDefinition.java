package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Vertx;

/**
 * An entry of a {@link CheckType}: health-checks' own types and those of any jar on the class path. The type reads
 * the entry's own keys at parse time (leaving the common ones to {@link CheckOptions}), so that an invalid value
 * stops start-up before anything is created.
 *
 * @param options   the options read from the entry
 * @param checkType the entry's type
 * @param factory   what the type read from the entry
 */
record TypedCheckDefinition(CheckOptions options, CheckType checkType, CheckType.Factory factory)
  implements CheckDefinition {

  /**
   * @param type    the entry's type
   * @param entry   the entry, valid for the schema
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static TypedCheckDefinition parse(CheckType type, ConfigObject entry, CheckOptions options) {
    return new TypedCheckDefinition(options, type, entry.read(type::parse));
  }

  @Override
  public String type() {
    return checkType.name();
  }

  @Override
  public CheckType.Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry,
                                         PassiveChecks passive) {
    return factory.register(vertx, dependencies, registry, options);
  }
}
