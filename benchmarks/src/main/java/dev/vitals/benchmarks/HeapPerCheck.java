package dev.vitals.benchmarks;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Heap per registered check, in one process: heap used after a full GC with 1 check registered and its
 * {@code /health} answered, then with N checks ({@link ScaleServer#register}) before and after their
 * {@code /health} was answered (so the kept body and each result's JSON count), and after it was answered in
 * all three formats. Prints one line, bytes per check added: {@code checks=<N> registry_bytes_per_check=<n>
 * served_bytes_per_check=<n> all_formats_bytes_per_check=<n>}.
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.HeapPerCheck [checks, default 1000]
 * </pre>
 */
public final class HeapPerCheck {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapPerCheck() {
  }

  /**
   * @param args optionally the number of checks (at least 2)
   * @throws Exception when the server cannot start or {@code /health} does not answer 200 within 30 s
   */
  public static void main(String[] args) throws Exception {
    int checks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Vertx vertx = Vertx.vertx();
    CheckRegistry registry = CheckRegistry.create(vertx);
    Router router = Router.router(vertx);
    router.route("/health*").handler(HealthHandler.create(registry));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int port = server.actualPort();

    ScaleServer.register(registry, 0, 1);
    health(vertx, port);
    long base = heapAfterGc();
    ScaleServer.register(registry, 1, checks - 1);
    long registered = heapAfterGc();
    health(vertx, port);
    health(vertx, port);
    long served = heapAfterGc();
    for (String format : new String[]{"vertx", "health%2Bjson"}) {
      ScaleServer.get(vertx, port, "/health?format=" + format).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    }
    long allFormats = heapAfterGc();
    System.out.printf("checks=%d registry_bytes_per_check=%d served_bytes_per_check=%d "
        + "all_formats_bytes_per_check=%d%n", checks, (registered - base) / (checks - 1),
      (served - base) / (checks - 1), (allFormats - base) / (checks - 1));
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void health(Vertx vertx, int port) throws Exception {
    ScaleServer.get(vertx, port, "/health").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
