package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * {@code "type": "heap"}: passes while the used heap is at most {@code maxUsed} (a ratio in (0, 1], default
 * 0.9) of the maximum heap, as {@code MemoryMXBean} reports them. Used heap includes garbage not yet
 * collected, so the ratio swings between collections: keep the threshold high.
 */
final class HeapCheckDefinition implements CheckDefinition {

  /** Default {@code maxUsed}: 0.9 of the maximum heap. */
  static final double DEFAULT_MAX_USED = 0.9;

  private final CheckOptions options;
  private final double maxUsed;

  private HeapCheckDefinition(CheckOptions options, double maxUsed) {
    this.options = options;
    this.maxUsed = maxUsed;
  }

  /**
   * @param entry   the entry, its common fields already validated
   * @param options the options read from the entry
   * @return the check the entry defines
   * @throws IllegalArgumentException naming the field by its path in the config when a value is invalid
   */
  static HeapCheckDefinition parse(ConfigObject entry, CheckOptions options) {
    double maxUsed = DEFAULT_MAX_USED;
    if (entry.has("maxUsed")) {
      Object value = entry.value("maxUsed");
      if (!(value instanceof Number) || !(((Number) value).doubleValue() > 0 && ((Number) value).doubleValue() <= 1)) {
        throw entry.invalid("maxUsed", "expected a ratio greater than 0 and at most 1, got '" + value + "'");
      }
      maxUsed = ((Number) value).doubleValue();
    }
    return new HeapCheckDefinition(options, maxUsed);
  }

  @Override
  public CheckOptions options() {
    return options;
  }

  @Override
  public String type() {
    return "heap";
  }

  @Override
  public Registration register(Vertx vertx, CheckRegistry registry, PassiveChecks passive) {
    registry.register(options, () -> Future.succeededFuture(run()));
    return Registration.NONE;
  }

  private ProcedureResult run() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    // Without -Xmx the maximum may be undefined (-1); the committed heap is then the limit in effect.
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    double ratio = (double) heap.getUsed() / max;
    String summary = String.format(Locale.ROOT, "heap %.1f%% used (%s of %s)",
      ratio * 100, ByteSize.format(heap.getUsed()), ByteSize.format(max));
    ProcedureResult result = ratio <= maxUsed
      ? ProcedureResult.pass(summary)
      : ProcedureResult.fail(String.format(Locale.ROOT, "%s, above maxUsed %.1f%%", summary, maxUsed * 100));
    return result.withData(new JsonObject()
      .put("usedBytes", heap.getUsed())
      .put("maxBytes", max)
      .put("usedRatio", ratio)
      .put("maxUsed", maxUsed));
  }
}
