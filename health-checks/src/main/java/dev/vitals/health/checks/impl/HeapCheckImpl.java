package dev.vitals.health.checks.impl;

import dev.vitals.health.ByteSizes;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.HeapCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/** Reads the heap's usage from the memory MXBean. */
public final class HeapCheckImpl implements HeapCheck {

  private final double maxUsed;

  /** @param maxUsed the largest ratio that passes */
  public HeapCheckImpl(double maxUsed) {
    this.maxUsed = maxUsed;
  }

  @Override
  public Future<ProcedureResult> run() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    // Without -Xmx the maximum may be undefined (-1); the committed heap is then the limit in effect.
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    double ratio = (double) heap.getUsed() / max;
    String summary = String.format(Locale.ROOT, "heap %.1f%% used (%s of %s)",
      ratio * 100, ByteSizes.format(heap.getUsed()), ByteSizes.format(max));
    ProcedureResult result = ratio <= maxUsed
      ? ProcedureResult.pass(summary)
      : ProcedureResult.fail(String.format(Locale.ROOT, "%s, above maxUsed %.1f%%", summary, maxUsed * 100));
    return Future.succeededFuture(result.withData(new JsonObject()
      .put("usedBytes", heap.getUsed())
      .put("maxBytes", max)
      .put("usedRatio", ratio)
      .put("maxUsed", maxUsed)));
  }
}
