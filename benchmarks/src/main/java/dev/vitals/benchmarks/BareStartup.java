package dev.vitals.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bare Vert.x server: {@code GET /health} through a vertx-web router answers a constant, on 127.0.0.1 and the port
 * given ({@code VITALS_HTTP_PORT}, as the standalone jar reads it), in a JVM of its own.
 *
 * <p>Without arguments it is the yardstick of the start-up figure: the constant is {@code {"status":"UP"}}, and
 * {@code run.sh} times JVM start to its first 200, as for the standalone jar. With a file, it is the bare route
 * beside the standalone jar under load: the constant is the file's bytes (a copy of the standalone's {@code /health}
 * answer), with the standalone's headers ({@code Content-Type: application/json}, {@code Cache-Control: no-store}).
 *
 * <pre>
 * VITALS_HTTP_PORT=8080 java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.BareStartup [body-file]
 * </pre>
 */
public final class BareStartup {

  private BareStartup() {
  }

  /**
   * @param args none, or the file whose bytes {@code /health} answers
   * @throws IOException when the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("VITALS_HTTP_PORT", "8080"));
    boolean copy = args.length > 0;
    Buffer body = copy ? Buffer.buffer(Files.readAllBytes(Path.of(args[0]))) : Buffer.buffer("{\"status\":\"UP\"}");
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> {
      HttpServerResponse response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
      if (copy) {
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      }
      response.end(body);
    });
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").onFailure(cause -> {
      cause.printStackTrace();
      System.exit(1);
    });
  }
}
