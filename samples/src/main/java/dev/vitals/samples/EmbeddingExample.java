package dev.vitals.samples;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.HealthHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How to add {@code /health} to an application that already has a {@link Router}: create a registry,
 * register checks, and mount a {@link HealthHandler} on {@code /health*} next to the application's routes.
 *
 * <p>Run it with {@code main}, then {@code curl localhost:8081/hello} and {@code curl localhost:8081/health}.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {
  }

  /**
   * Starts the example on port 8081 and leaves it running.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer()
      .requestHandler(router(vertx))
      .listen(8081)
      .onSuccess(server -> System.out.println("Try http://localhost:" + server.actualPort() + "/health"))
      .onFailure(failure -> {
        failure.printStackTrace();
        vertx.close();
      });
  }

  /**
   * @param vertx the Vert.x instance of the application
   * @return the application's router: {@code GET /hello}, and {@code /health} with one check, {@code greetings},
   * that warns once more than 1000 greetings have been served
   */
  public static Router router(Vertx vertx) {
    AtomicLong greetings = new AtomicLong();

    CheckRegistry registry = CheckRegistry.create(vertx);
    registry.register(new CheckOptions("greetings").setTimeout(500), () -> {
      long served = greetings.get();
      return Future.succeededFuture(served <= 1000
        ? ProcedureResult.pass(served + " greetings served")
        : ProcedureResult.warn(served + " greetings served, time for a rest"));
    });

    Router router = Router.router(vertx);
    router.get("/hello").handler(ctx -> {
      greetings.incrementAndGet();
      ctx.end("Hello!");
    });
    router.route("/health*").handler(HealthHandler.create(registry));
    return router;
  }
}
