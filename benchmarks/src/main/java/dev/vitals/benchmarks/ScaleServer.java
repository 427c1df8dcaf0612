package dev.vitals.benchmarks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.HistoryOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The load server of the "scale" scenario: Vitals' {@code /health} over N cheap checks beside {@code /bare}, a
 * bare vertx-web route answering a constant copy of Vitals' first answer (same bytes, same headers).
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.ScaleServer &lt;checks&gt; [port] [history-off]
 * </pre>
 * {@code history-off} turns the registry's history, availability and flap detection off (they are on by default),
 * to compare {@code /health} with and without them.
 * One event loop, 127.0.0.1, port 0 (the default) picks a free one. Checks {@code check-0001} ... pass at once
 * with an output of 20 characters and the default options (TTLs 27 s / 9 s). When it serves, it prints
 * {@code ready port=<port> bare-bytes=<n>}. {@code GET /gc} answers the heap used after a full GC
 * ({@link HeapAfterGcHandler}).
 */
public final class ScaleServer {

  private ScaleServer() {
  }

  /**
   * @param args number of checks, then optionally the port and {@code history-off}
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: ScaleServer <checks> [port] [history-off]");
      System.exit(2);
    }
    int checks = Integer.parseInt(args[0]);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Vertx vertx = Vertx.vertx();
    boolean history = args.length < 3 || !args[2].equals("history-off");
    CheckRegistry registry = CheckRegistry.create(vertx,
      new CheckRegistryOptions().setHistory(new HistoryOptions().setEnabled(history)));
    register(registry, 0, checks);
    HealthHandler vitals = HealthHandler.create(registry);
    Buffer[] bare = {Buffer.buffer()};
    Router router = Router.router(vertx);
    router.get("/bare").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(bare[0]));
    router.route("/health*").handler(vitals);
    router.get("/gc").handler(new HeapAfterGcHandler());
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
      .compose(server -> get(vertx, server.actualPort(), "/health").map(body -> {
        bare[0] = body.copy();
        return server;
      }))
      .onSuccess(server -> System.out.println("ready port=" + server.actualPort() + " bare-bytes=" + bare[0].length()))
      .onFailure(cause -> {
        cause.printStackTrace();
        System.exit(1);
      });
  }

  /**
   * Registers cheap passing checks {@code check-<from+1>} to {@code check-<from+count>}.
   *
   * @param registry the registry
   * @param from     how many were registered before
   * @param count    how many to add
   */
  static void register(CheckRegistry registry, int from, int count) {
    Future<ProcedureResult> pass = Future.succeededFuture(ProcedureResult.pass("connection pool: 8/8"));
    for (int i = from + 1; i <= from + count; i++) {
      registry.register(new CheckOptions(String.format("check-%04d", i)), () -> pass);
    }
  }

  /** @return the body of a 200 answer to {@code GET path} on 127.0.0.1; failed on another code */
  static Future<Buffer> get(Vertx vertx, int port, String path) {
    HttpClientAgent client = vertx.createHttpClient();
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
      .compose(request -> request.send())
      .compose(response -> response.statusCode() == 200 ? response.body()
        : Future.failedFuture(path + " answered " + response.statusCode()))
      .andThen(ar -> client.close());
  }

}
