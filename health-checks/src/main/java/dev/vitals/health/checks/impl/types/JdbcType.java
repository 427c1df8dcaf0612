package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.JdbcCheck;
import dev.vitals.health.checks.JdbcCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "jdbc"}: {@link JdbcCheck} with a connection of its own, on the registry's worker pool. */
public final class JdbcType extends BuiltInType<JdbcCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public JdbcType() {
    super("jdbc", "Connection.isValid on a connection of its own (the driver on the class path), on the blocking pool",
      JdbcCheckOptions::new, JdbcCheckOptions::schema);
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        JdbcCheckOptions options) {
    JdbcCheck jdbc = JdbcCheck.create(check, options);
    registry.registerBlocking(check, jdbc);
    return () -> vertx.executeBlocking(() -> {
      jdbc.close();
      return null;
    }).mapEmpty();
  }
}
