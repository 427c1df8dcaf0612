package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;


/**
 * {@code "type": "passive"}: a job reports in at {@code POST /health/heartbeat/<name>} (see
 * {@code HeartbeatHandler}); the check passes while reports arrive within {@code period} (default 60 s) plus
 * {@code grace} (default 30 s), fails with {@code no report for <n> s} after, and fails at once on a failure
 * report. {@code token} (optional) lets the job report without the admin token.
 */
final class PassiveCheckDefinition implements CheckDefinition {


  private final CheckOptions options;
  private final PassiveOptions passive;

  private PassiveCheckDefinition(CheckOptions options, PassiveOptions passive) {
    this.options = options;
    this.passive = passive;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static PassiveCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    try {
      return new PassiveCheckDefinition(options, new PassiveOptions(entry.json()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(entry.path() + "." + e.getMessage(), e);
    }
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "passive";
  }

  @Override
  public Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks checks) {
    checks.add(options, passive);
    return () -> {
      checks.remove(options.getName());
      return Future.succeededFuture();
    };
  }
}
