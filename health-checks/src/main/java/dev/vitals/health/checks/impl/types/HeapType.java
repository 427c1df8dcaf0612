package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.HeapCheck;
import dev.vitals.health.checks.HeapCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "heap"}: {@link HeapCheck}. */
public final class HeapType extends BuiltInType<HeapCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public HeapType() {
    super("heap", "used heap / max heap ≤ maxUsed", HeapCheckOptions::new, HeapCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        HeapCheckOptions options) {
    registry.register(check, HeapCheck.create(options));
    return Registration.NONE;
  }
}
