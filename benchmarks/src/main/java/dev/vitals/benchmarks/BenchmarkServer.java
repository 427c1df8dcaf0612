package dev.vitals.benchmarks;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The load server of issue 5: one process, one port on loopback, the contenders side by side over the same 10
 * checks ({@link TenChecks}), for one {@link Scenario}.
 *
 * <pre>
 * java -jar benchmarks/target/vitals-benchmarks.jar &lt;scenario&gt; [port] [event loops]
 * </pre>
 * {@code scenario} is {@code cheap}, {@code slow50}, {@code slow500}, {@code expiry} or {@code consul}; port 0 (the
 * default) picks a free one; event loops (one HTTP server each, sharing the port) defaults to 1, since on the
 * 2-core benchmark machine the load generator has the other core. When it serves, it prints
 * {@code ready port=<port> bare-bytes=<n>} on stdout.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><td>{@code GET /bare}</td><td>{@code bare}: a constant copy, taken at start, of Vitals' answer (of
 *     {@code /health}, or of {@code /status} in the consul scenario): same size, same headers, no work</td></tr>
 *   <tr><td>{@code GET /vertx-health}</td><td>{@code vertx}: vertx-web's {@code HealthCheckHandler} over a plain
 *     vertx-health-check {@code HealthChecks}</td></tr>
 *   <tr><td>{@code GET /health}</td><td>{@code vitals}: {@code HealthHandler} over a {@code CheckRegistry}, default
 *     options</td></tr>
 *   <tr><td>{@code GET /status}, {@code GET /status-lookup}</td><td>consul scenario only:
 *     {@link ConsulContenders}</td></tr>
 *   <tr><td>{@code GET /counts}</td><td>JSON: runs per check per contender, and requests that reached each Consul
 *     double</td></tr>
 *   <tr><td>{@code GET /counts/<name>}</td><td>plain text: for {@code vitals} or {@code vertx}, the runs of
 *     {@code check-01} to {@code check-10} separated by spaces; for {@code consul-vitals} or {@code consul-lookup},
 *     the requests that reached that Consul double's {@code /v1/health/node}</td></tr>
 *   <tr><td>{@code GET /gc}</td><td>heap used after a full GC, bytes, plain text ({@link HeapAfterGcHandler})</td></tr>
 * </table>
 */
public final class BenchmarkServer {

  private final Vertx vertx;
  private final Scenario scenario;
  private final RunCounts counts = new RunCounts();
  private final CheckRegistry registry;
  private final HealthHandler vitals;
  private final HealthCheckHandler vertxHandler;
  private final List<String> deployments = new ArrayList<>();
  private volatile Buffer bareBody = Buffer.buffer();
  private volatile ConsulContenders consul;
  private volatile int port;

  private BenchmarkServer(Vertx vertx, Scenario scenario) {
    this.vertx = vertx;
    this.scenario = scenario;
    TenChecks checks = new TenChecks(vertx, scenario, counts);
    this.registry = checks.registerInto(CheckRegistry.create(vertx));
    this.vitals = HealthHandler.create(registry);
    this.vertxHandler = HealthCheckHandler.createWithHealthChecks(checks.registerInto(HealthChecks.create(vertx)));
  }

  /**
   * Command line entry point; see the class comment. Exits 1 when the server cannot start.
   *
   * @param args scenario, then optionally port and number of event loops
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: BenchmarkServer <cheap|slow50|slow500|expiry|consul> [port] [event loops]");
      System.exit(2);
    }
    Scenario scenario = Scenario.of(args[0]);
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Vertx vertx = Vertx.vertx();
    start(vertx, scenario, port, eventLoops)
      .onSuccess(server -> System.out.println("ready port=" + server.port() + " bare-bytes=" + server.bareBody.length()))
      .onFailure(cause -> {
        cause.printStackTrace();
        System.exit(1);
      });
  }

  /**
   * Starts the contenders, listens, and takes the {@code bare} body from Vitals' first answer.
   *
   * @param vertx      the Vert.x instance
   * @param scenario   how the checks behave
   * @param port       the port on 127.0.0.1; 0 picks a free one
   * @param eventLoops how many HTTP servers share the port, each on its own event loop, {@code >= 1}
   * @return the started server; failed when a port cannot be bound or the Consul doubles cannot start
   */
  public static Future<BenchmarkServer> start(Vertx vertx, Scenario scenario, int port, int eventLoops) {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops: must be at least 1, got " + eventLoops);
    }
    BenchmarkServer server = new BenchmarkServer(vertx, scenario);
    Future<Void> consulReady = scenario != Scenario.CONSUL ? Future.succeededFuture()
      : ConsulContenders.start(vertx).map(started -> {
        server.consul = started;
        return null;
      });
    return consulReady
      .compose(v -> server.listen(port, eventLoops))
      .compose(v -> server.takeBareBody())
      .map(server);
  }

  /** @return the port the contenders are served on */
  public int port() {
    return port;
  }

  /**
   * Stops the HTTP servers, the registry and, in the consul scenario, the watcher and the doubles.
   *
   * @return a future completed when done
   */
  public Future<Void> close() {
    List<Future<?>> closing = new ArrayList<>();
    deployments.forEach(id -> closing.add(vertx.undeploy(id)));
    closing.add(registry.close());
    if (consul != null) {
      closing.add(consul.close());
    }
    return Future.join(closing).mapEmpty();
  }

  /** One HTTP server per instance, each on an event loop of its own, all on one port. */
  private Future<Void> listen(int wanted, int instances) {
    // Vert.x shares a random port between servers that listen on the same negative port; 0 would give each its own.
    int shared = wanted == 0 ? -1 : wanted;
    return vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer().requestHandler(router()).listen(shared, "127.0.0.1")
          .onSuccess(s -> port = s.actualPort());
      }
    }, new DeploymentOptions().setInstances(instances)).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.get("/bare").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(bareBody));
    router.route("/vertx-health*").handler(vertxHandler);
    router.route("/health*").handler(vitals);
    if (consul != null) {
      consul.mount(router);
    }
    router.get("/counts").handler(ctx -> json(ctx, countsJson()));
    router.get("/counts/:name").handler(this::countsText);
    router.get("/gc").handler(new HeapAfterGcHandler());
    return router;
  }

  private JsonObject countsJson() {
    JsonObject json = new JsonObject().put("scenario", scenario.id()).put("runs", counts.toJson());
    if (consul != null) {
      json.put("consulHealthNodeRequests", new JsonObject()
        .put("vitals", consul.watcherRequests())
        .put("lookup", consul.lookupRequests()));
    }
    return json;
  }

  private void countsText(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    String text;
    if (name.equals("consul-vitals") && consul != null) {
      text = Integer.toString(consul.watcherRequests());
    } else if (name.equals("consul-lookup") && consul != null) {
      text = Integer.toString(consul.lookupRequests());
    } else {
      StringBuilder runs = new StringBuilder();
      for (int i = 1; i <= TenChecks.COUNT; i++) {
        runs.append(i > 1 ? " " : "").append(counts.count(name, TenChecks.name(i)));
      }
      text = runs.toString();
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(text + "\n");
  }

  private Future<Void> takeBareBody() {
    String path = scenario == Scenario.CONSUL ? "/status" : "/health";
    HttpClientAgent client = vertx.createHttpClient();
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
      .compose(request -> request.send())
      .compose(response -> okBody(response, path))
      .andThen(ar -> client.close())
      .map(body -> {
        bareBody = body.copy();
        return null;
      });
  }

  private static Future<Buffer> okBody(HttpClientResponse response, String path) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(path + " answered " + response.statusCode() + " at start");
    }
    return response.body();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encodePrettily());
  }
}
