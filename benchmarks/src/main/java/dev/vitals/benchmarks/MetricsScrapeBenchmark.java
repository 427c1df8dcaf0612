package dev.vitals.benchmarks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.metrics.VitalsMetrics;
import dev.vitals.health.web.probes.HealthHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * JMH benchmark of health-metrics, without HTTP, over 100 checks: a Prometheus scrape of Vitals' meters (text
 * format) beside the registry's cached report, and a report that runs every check (TTL 0) with the binder bound and
 * not bound, which is what the binder adds to a run (the cached {@code /health} path does not touch it at all).
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar org.openjdk.jmh.Main MetricsScrapeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MetricsScrapeBenchmark {

  /** Whether the binder is bound to a Prometheus registry. */
  @Param({"false", "true"})
  public boolean bound;

  private Vertx vertx;
  private CheckRegistry cached;
  private CheckRegistry running;
  private PrometheusMeterRegistry prometheus;

  /** Registers 100 cached and 100 uncached checks and runs each once. */
  @Setup
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    cached = CheckRegistry.create(vertx);
    running = CheckRegistry.create(vertx);
    for (int i = 1; i <= 100; i++) {
      cached.register(new CheckOptions(String.format("db/check-%03d", i)).setSuccessTtl(TimeUnit.HOURS.toMillis(1)),
        () -> Future.succeededFuture(ProcedureResult.pass()));
      running.register(new CheckOptions(String.format("db/check-%03d", i)).setSuccessTtl(0).setFailureTtl(0),
        () -> Future.succeededFuture(ProcedureResult.pass()));
    }
    prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (bound) {
      VitalsMetrics.create(cached).probes(HealthHandler.create(cached)).bindTo(prometheus);
      VitalsMetrics.create(running).bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
    cached.report().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    running.report().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Closes the registries and Vert.x. */
  @TearDown
  public void close() throws Exception {
    cached.close();
    running.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** @return a Prometheus scrape (text 0.0.4) of 100 checks' meters and the four probes' (empty unbound) */
  @Benchmark
  public String scrape() {
    return prometheus.scrape();
  }

  /** @return the cached report of the 100 checks, what a {@code /health} request reads when its kept body is stale */
  @Benchmark
  public HealthReport cachedReport() {
    return cached.report().result();
  }

  /** @return a report that runs the 100 checks: each run is observed by the binder when bound */
  @Benchmark
  public HealthReport runAll() throws Exception {
    return running.report().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
