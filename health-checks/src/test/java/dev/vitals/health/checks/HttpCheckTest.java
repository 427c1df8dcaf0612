package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.HealthStatus;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.test.TestCertificates;
import dev.vitals.health.test.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The http check's expectations against a real HTTP server: status codes, body, JSON value, latency, redirects. */
@ExtendWith(VertxExtension.class)
class HttpCheckTest {

  private int port;

  /** /health answers a JSON status, /teapot 418, /moved redirects to /health, /slow answers after 100 ms. */
  @BeforeEach
  void startServer(Vertx vertx) {
    port = Await.result(vertx.createHttpServer().requestHandler(request -> {
      switch (request.path()) {
        case "/health" -> request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", "UP").put("checks", new JsonArray().add(new JsonObject()
            .put("name", "db").put("up", true))).encode());
        case "/teapot" -> request.response().setStatusCode(418).end("short and stout");
        case "/moved" -> request.response().setStatusCode(301).putHeader("Location", "/health").end();
        case "/slow" -> vertx.setTimer(100, id -> request.response().end("finally"));
        default -> request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1")).actualPort();
  }

  private ProcedureResult get(Vertx vertx, JsonObject options) {
    HttpCheck check = HttpCheck.create(vertx, new CheckOptions("api").setTimeout(10_000), new HttpCheckOptions(options));
    try {
      return Await.result(check.run());
    } finally {
      Await.result(check.close());
    }
  }

  private JsonObject url(String path) {
    return new JsonObject().put("url", "http://127.0.0.1:" + port + path);
  }

  @Test
  void statusCodesAreAcceptedAsConfigured(Vertx vertx) {
    assertThat(get(vertx, url("/teapot")).output()).endsWith("/teapot: 418, expected 2xx");
    assertThat(get(vertx, url("/teapot").put("expectedStatus", 418)).status()).isEqualTo(HealthStatus.PASS);
    assertThat(get(vertx, url("/teapot").put("acceptedStatus", new JsonArray().add(200).add(418))).status())
      .isEqualTo(HealthStatus.PASS);
    ProcedureResult notAccepted = get(vertx, url("/health").put("acceptedStatus", new JsonArray().add(204)));
    assertThat(notAccepted.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(notAccepted.output()).endsWith("/health: 200, expected one of [204]");
  }

  @Test
  void theBodyMustContainTheTextAndHoldTheJsonValue(Vertx vertx) {
    assertThat(get(vertx, url("/health").put("bodyContains", "\"UP\"")).status()).isEqualTo(HealthStatus.PASS);
    ProcedureResult missing = get(vertx, url("/teapot").put("expectedStatus", 418).put("bodyContains", "tall"));
    assertThat(missing.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(missing.output()).endsWith("/teapot: 418, body does not contain 'tall'");

    assertThat(get(vertx, url("/health").put("jsonPointer", "/status").put("jsonValue", "UP")).status())
      .isEqualTo(HealthStatus.PASS);
    assertThat(get(vertx, url("/health").put("jsonPointer", "/checks/0/up").put("jsonValue", "true")).status())
      .isEqualTo(HealthStatus.PASS);
    ProcedureResult down = get(vertx, url("/health").put("jsonPointer", "/status").put("jsonValue", "DOWN"));
    assertThat(down.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(down.output()).endsWith("/health: 200, /status is UP, expected DOWN");
    assertThat(get(vertx, url("/teapot").put("expectedStatus", 418).put("jsonPointer", "/status")
      .put("jsonValue", "UP")).output()).endsWith("/status is not found (the body is not JSON), expected UP");
  }

  @Test
  void aSlowAnswerWarnsAndRedirectsAreFollowedOnlyWhenAsked(Vertx vertx) {
    ProcedureResult slow = get(vertx, url("/slow").put("maxLatency", 50));
    assertThat(slow.status()).isEqualTo(HealthStatus.WARN);
    assertThat(slow.output()).contains("/slow: 200 in ").endsWith("above maxLatency 50 ms");

    assertThat(get(vertx, url("/moved")).output()).endsWith("/moved: 301, expected 2xx");
    ProcedureResult followed = get(vertx, url("/moved").put("followRedirects", true).put("bodyContains", "UP"));
    assertThat(followed.status()).as(followed.toString()).isEqualTo(HealthStatus.PASS);
  }

  @Test
  void tlsIsTrustedThroughTheCaFileOrTrustAll(Vertx vertx, @TempDir Path dir) throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "api");
    int tls = Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(
        new PemKeyCertOptions().setCertPath(certificate.certPath().toString())
          .setKeyPath(certificate.keyPath().toString())))
      .requestHandler(request -> request.response().end("UP")).listen(0, "127.0.0.1")).actualPort();
    JsonObject https = new JsonObject().put("url", "https://localhost:" + tls + "/");

    ProcedureResult untrusted = get(vertx, https.copy());
    assertThat(untrusted.status()).isEqualTo(HealthStatus.FAIL);
    assertThat(get(vertx, https.copy().put("caPath", certificate.certPath().toString())).status())
      .isEqualTo(HealthStatus.PASS);
    assertThat(get(vertx, https.copy().put("trustAll", true)).status()).isEqualTo(HealthStatus.PASS);
  }
}
