package dev.vitals.health.checks;

import dev.vitals.health.Check;
import dev.vitals.health.checks.impl.HeapCheckImpl;

/**
 * Passes while the used heap is at most {@code maxUsed} of the maximum heap, as {@code MemoryMXBean} reports
 * them (without {@code -Xmx}, the committed heap is the maximum). Used heap includes garbage not yet collected, so
 * the ratio swings between collections: keep the threshold high. Output: {@code heap 42.0% used (...)}; data:
 * {@code {"usedBytes", "maxBytes", "usedRatio", "maxUsed"}}.
 */
public interface HeapCheck extends Check {

  /**
   * @param options the threshold
   * @return the check
   */
  static HeapCheck create(HeapCheckOptions options) {
    return new HeapCheckImpl(options.getMaxUsed());
  }
}
