package dev.vitals.samples.examples;

import dev.vitals.environment.EnvironmentDump;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.VitalsRoutes;
import dev.vitals.health.web.environment.EnvironmentHandler;
import dev.vitals.health.web.heartbeat.HeartbeatHandler;
import dev.vitals.health.web.history.HistoryRoutes;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.status.StatusHandler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vitals mounted in an application's own {@link Router}: {@code /health} (with its probes) over a check
 * registry with a check of the application's own ({@link GreetingsCheck}), {@code /status} over a local maintenance
 * switch, {@code /environment} with sections of the application's own ({@link TrafficSection}), and the heartbeat
 * route of a passive check. Run {@code main}, then
 * {@code curl localhost:8081/health}. docs/embedding.md shows this file.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {
  }

  /**
   * Serves the example on 127.0.0.1:8081 (the environment dump is for loopback callers only).
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer()
      .requestHandler(router(vertx))
      .listen(8081, "127.0.0.1")
      .onSuccess(server -> System.out.println("Try http://127.0.0.1:" + server.actualPort() + "/health"))
      .onFailure(failure -> {
        System.err.println("cannot listen on 127.0.0.1:8081: " + failure.getMessage());
        vertx.close();
      });
  }

  /**
   * @param vertx the application's Vert.x instance
   * @return the application's router: its own {@code GET /hello}, and Vitals' routes beside it
   */
  public static Router router(Vertx vertx) {
    AtomicLong greetings = new AtomicLong();

    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(new CheckOptions("greetings").addTag("readiness").setTimeout(500),
      new GreetingsCheck(greetings::get, 1000));                             // a check of its own
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    registry.registerBlocking(new CheckOptions("tmp").setCritical(false),   // JDBC, files: on a worker thread
      () -> Files.isWritable(tmp) ? ProcedureResult.pass() : ProcedureResult.fail(tmp + " not writable"));

    PassiveChecks passive = PassiveChecks.create(vertx, registry, Clock.systemUTC());
    passive.add(new CheckOptions("nightly-report"),                          // a job that reports in
      new PassiveOptions().setPeriod(24 * 3600_000L).setGrace(3600_000L));

    MaintenanceSource maintenance = MaintenanceSource.local();                // or ConsulMaintenance.create(...)
    ApplicationOptions application = new ApplicationOptions().setName("greeter").setVersion("1.0.0");

    EnvironmentDump environment = EnvironmentDump.create(vertx);
    environment.addSection("greeter", new JsonObject().put("greeting", "Hello!").put("apiKey", "scrubbed"));
    environment.addSection("traffic", new TrafficSection(greetings::get, Clock.systemUTC())); // a section of its own

    // Vitals' routes in the standalone's safe order (request guard, in-flight budgets with one of their own for the
    // probes, heartbeats and history before /health*, /status, /environment on loopback or behind a token, JSON
    // errors); the application's routes after them are behind the same guard and budget.
    Router router = Router.router(vertx);
    VitalsRoutes.create(HealthHandler.create(registry).maintenance(maintenance))
      .heartbeats("/health/heartbeat", HeartbeatHandler.create(passive, null))
      .routes(r -> HistoryRoutes.create(vertx, registry, maintenance, new HistoryRoutesOptions()) // /health/history,
        .mount(r, "/health"))                                                                      // /events, /ui
      .status(StatusHandler.create(maintenance, application))
      .environment(EnvironmentHandler.create(environment), true) // loopback callers without proxy headers
      .mount(router);
    router.get("/hello").handler(ctx -> {
      greetings.incrementAndGet();
      ctx.end("Hello!");
    });
    return router;
  }
}
