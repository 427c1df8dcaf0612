package dev.vitals.benchmarks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.ProcedureResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.CheckResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of the registry's cached path, without HTTP: {@link CheckRegistry#report()} and
 * {@link CheckRegistry#checkStatus()} on a warm cache of 10 and 100 passing checks, in ns per call, and
 * {@link CheckRegistry#isCurrent}, all that health-web asks the registry per request while its kept body holds. The success
 * TTL is one hour so that no run expires during a measurement, however long JMH is told to run.
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar org.openjdk.jmh.Main CachedPathBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CachedPathBenchmark {

  /** Number of registered checks. */
  @Param({"10", "100"})
  public int checks;

  private Vertx vertx;
  private CheckRegistry registry;
  private HealthReport kept;

  /** Registers the checks and runs each once, so that every later call is answered from the cache. */
  @Setup
  public void warmCache() throws Exception {
    vertx = Vertx.vertx();
    registry = CheckRegistry.create(vertx);
    for (int i = 1; i <= checks; i++) {
      registry.register(new CheckOptions(String.format("check-%03d", i)).setSuccessTtl(TimeUnit.HOURS.toMillis(1)),
        () -> Future.succeededFuture(ProcedureResult.pass()));
    }
    registry.report().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    if (!registry.report().isComplete()) {
      throw new IllegalStateException("the cache is not warm: report() did not complete at once");
    }
    kept = registry.report().result();
  }

  /** Closes the registry and Vert.x. */
  @TearDown
  public void close() throws Exception {
    registry.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** @return Vitals' own report of every check, from the cache */
  @Benchmark
  public HealthReport report() {
    return registry.report().result();
  }

  /** @return whether the report a rendered body was made of is still current (constant time) */
  @Benchmark
  public boolean isCurrent() {
    return registry.isCurrent(kept);
  }

  /** @return the vertx-health-check view of every check, from the cache */
  @Benchmark
  public CheckResult checkStatus() {
    return registry.checkStatus().result();
  }
}
