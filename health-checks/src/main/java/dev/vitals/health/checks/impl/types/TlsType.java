package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.TlsCheck;
import dev.vitals.health.checks.TlsCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "tls"}: {@link TlsCheck} on the dependency loop. */
public final class TlsType extends BuiltInType<TlsCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public TlsType() {
    super("tls", "the certificate chain is valid now and names the server; warn within warnBefore of its expiry",
      TlsCheckOptions::new, TlsCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        TlsCheckOptions options) {
    return Registration.of(registry, check, TlsCheck.create(dependencies, check, options));
  }
}
