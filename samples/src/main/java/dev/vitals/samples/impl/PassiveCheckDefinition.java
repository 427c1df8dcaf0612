package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;


/**
 * {@code "type": "passive"}: a job reports in at {@code POST /health/heartbeat/<name>} (see
 * {@code HeartbeatHandler}); the check passes while reports arrive within {@code period} (default 60 s) plus
 * {@code grace} (default 30 s), fails with {@code no report for <n> s} after, and fails at once on a failure
 * report. {@code token} (optional) lets the job report without the admin token.
 *
 * @param options the options read from the entry
 * @param passive the entry's period, grace and token
 */
record PassiveCheckDefinition(CheckOptions options, PassiveOptions passive) implements CheckDefinition {

  /** The config's {@code type}; not a {@link CheckType}: its reports arrive through the standalone's heartbeat route. */
  static final String TYPE = "passive";
  /** When a passive check passes, as the reference and the schema say it. */
  static final String DESCRIPTION = "reports arrive at the heartbeat path in time, the last one not a failure";

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static PassiveCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    return new PassiveCheckDefinition(options, entry.read(PassiveOptions::new));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public CheckType.Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks checks) {
    checks.add(options, passive);
    return () -> {
      checks.remove(options.getName());
      return Future.succeededFuture();
    };
  }
}
