package dev.vitals.health.checks;

import dev.vitals.health.BlockingCheck;
import dev.vitals.health.checks.impl.DiskSpaceCheckImpl;

/**
 * Passes while the file store holding {@code path} has at least {@code minFree} bytes usable. A
 * {@link BlockingCheck} (file stores are read on the registry's worker pool): register it with
 * {@code registerBlocking}. Output: {@code 12.3 GB free of 50.0 GB at /var/lib/app}; data:
 * {@code {"path", "freeBytes", "totalBytes", "minFreeBytes"}}.
 */
public interface DiskSpaceCheck extends BlockingCheck {

  /**
   * @param options the path and threshold
   * @return the check
   */
  static DiskSpaceCheck create(DiskSpaceCheckOptions options) {
    return new DiskSpaceCheckImpl(new DiskSpaceCheckOptions(options));
  }
}
