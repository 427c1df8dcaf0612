package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.DnsCheck;
import dev.vitals.health.checks.DnsCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "dns"}: {@link DnsCheck} on the dependency loop. */
public final class DnsType extends BuiltInType<DnsCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public DnsType() {
    super("dns", "the name resolves (A, or AAAA), to one of expected when given",
      DnsCheckOptions::new, DnsCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        DnsCheckOptions options) {
    return Registration.of(registry, check, DnsCheck.create(dependencies, check, options));
  }
}
