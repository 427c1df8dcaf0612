package dev.vitals.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The yardstick of the start-up figure: a bare Vert.x server answering {@code GET /health} with a constant
 * {@code {"status":"UP"}} through a vertx-web router, on 127.0.0.1 and the port given ({@code VITALS_HTTP_PORT},
 * as the standalone jar reads it). {@code run.sh} times JVM start to its first 200, as for the standalone jar.
 *
 * <pre>
 * VITALS_HTTP_PORT=8080 java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.BareStartup
 * </pre>
 */
public final class BareStartup {

  private BareStartup() {
  }

  /**
   * @param args none
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("VITALS_HTTP_PORT", "8080"));
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .end("{\"status\":\"UP\"}"));
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").onFailure(cause -> {
      cause.printStackTrace();
      System.exit(1);
    });
  }
}
