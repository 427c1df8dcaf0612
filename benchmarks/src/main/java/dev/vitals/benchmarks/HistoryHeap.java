package dev.vitals.benchmarks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Heap per check with a full history, in one process: N checks each run until it holds its bound of runs (100)
 * and transitions (1,000, a change every run, 200-character ASCII outputs), on a clock moved one second a run.
 * Prints heap used after a full GC per check, with history on against the same runs with history off:
 * {@code checks=<N> full_history_bytes_per_check=<n> without_history_bytes_per_check=<n>}.
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.HistoryHeap [checks, default 100]
 * </pre>
 */
public final class HistoryHeap {

  private HistoryHeap() {
  }

  /**
   * @param args optionally the number of checks
   * @throws Exception when a run does not complete within 30 s
   */
  public static void main(String[] args) throws Exception {
    int checks = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    long with = bytesPerCheck(checks, true);
    long without = bytesPerCheck(checks, false);
    System.out.printf("checks=%d full_history_bytes_per_check=%d without_history_bytes_per_check=%d%n", checks,
      with, without);
  }

  private static long bytesPerCheck(int checks, boolean history) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    Vertx vertx = Vertx.vertx();
    CheckRegistry registry = CheckRegistry.create(vertx, new CheckRegistryOptions().setClock(clock)
      .setHistory(new HistoryOptions().setEnabled(history).setFlapHighThreshold(100)));
    String filler = "x".repeat(HistoryOptions.MAX_OUTPUT_LENGTH - 20);
    for (int i = 0; i < checks; i++) {
      registry.register(new CheckOptions("check-" + i).setSuccessTtl(0).setFailureTtl(0), () -> {
        String output = filler + String.format("%020d", clock.millis()); // a string of its own per run, as in life
        return Future.succeededFuture(clock.millis() / 1000 % 2 == 0 ? ProcedureResult.pass(output) : ProcedureResult.fail(output));
      });
    }
    long before = heapAfterGc();
    for (int run = 0; run < HistoryOptions.MAX_TRANSITIONS + 10; run++) {
      registry.report().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      clock.advanceMillis(1_000);
    }
    long after = heapAfterGc();
    if (history && registry.history("check-0").transitions().size() != HistoryOptions.MAX_TRANSITIONS) {
      throw new IllegalStateException("history not full: " + registry.history("check-0").transitions().size());
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return (after - before) / checks;
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
