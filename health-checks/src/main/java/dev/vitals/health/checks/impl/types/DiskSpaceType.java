package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.DiskSpaceCheck;
import dev.vitals.health.checks.DiskSpaceCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "disk-space"}: {@link DiskSpaceCheck}, on the registry's worker pool. */
public final class DiskSpaceType extends BuiltInType<DiskSpaceCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public DiskSpaceType() {
    super("disk-space", "at least minFree is usable", DiskSpaceCheckOptions::new, DiskSpaceCheckOptions::schema);
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        DiskSpaceCheckOptions options) {
    registry.registerBlocking(check, DiskSpaceCheck.create(options));
    return Registration.NONE;
  }
}
