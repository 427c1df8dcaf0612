package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.TcpCheck;
import dev.vitals.health.checks.TcpCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "tcp"}: {@link TcpCheck} on the dependency loop. */
public final class TcpType extends BuiltInType<TcpCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public TcpType() {
    super("tcp", "a connection opens", TcpCheckOptions::new, TcpCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        TcpCheckOptions options) {
    return Registration.of(registry, check, TcpCheck.create(dependencies, check, options));
  }
}
