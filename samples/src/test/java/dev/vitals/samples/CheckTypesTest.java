package dev.vitals.samples;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import static dev.vitals.samples.Standalone.closedPort;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static dev.vitals.samples.Standalone.getHealth;
import static dev.vitals.samples.Standalone.onlyResult;
import static org.assertj.core.api.Assertions.assertThat;

/** Each check type's pass and fail paths, through a deployed verticle and its /health answer. */
@ExtendWith(VertxExtension.class)
class CheckTypesTest {

  private static final String MONITOR_CREDENTIALS =
    "Basic " + Base64.getEncoder().encodeToString("monitor:s3cret".getBytes(StandardCharsets.UTF_8));

  private WebClient client;
  private int dependencyPort;

  /**
   * A dependency answering GET /status/{code} with that code, /auth with 200 for the basic credentials
   * monitor:s3cret (401 otherwise), and never answering /hang.
   */
  @BeforeEach
  void startDependency(Vertx vertx, VertxTestContext test) {
    client = WebClient.create(vertx);
    vertx.createHttpServer()
      .requestHandler(request -> {
        if (request.path().startsWith("/status/")) {
          request.response().setStatusCode(Integer.parseInt(request.path().substring(8))).end();
        } else if (request.path().equals("/auth")) {
          boolean authorized = MONITOR_CREDENTIALS.equals(request.getHeader(HttpHeaders.AUTHORIZATION));
          request.response().setStatusCode(authorized ? 200 : 401).end();
        }
      })
      .listen(0, "127.0.0.1")
      .onComplete(test.succeeding(server -> {
        dependencyPort = server.actualPort();
        test.completeNow();
      }));
  }

  private String dependencyUrl(String path) {
    return "http://127.0.0.1:" + dependencyPort + path;
  }

  /** Deploys a verticle with this one check, GETs /health and hands the check's result to {@code verify}. */
  private void expectResult(Vertx vertx, VertxTestContext test, JsonObject check, Consumer<JsonObject> verify) {
    deploy(vertx, config(check))
      .compose(verticle -> getHealth(client, verticle.actualPort()))
      .onComplete(test.succeeding(response -> test.verify(() -> {
        JsonObject result = onlyResult(response);
        assertThat(response.statusCode()).isEqualTo(result.getBoolean("passed") ? 200 : 503);
        verify.accept(result);
        test.completeNow();
      })));
  }

  private static JsonObject http(String url) {
    return new JsonObject().put("name", "api").put("type", "http").put("url", url);
  }

  @Test
  void httpPassesOn2xx(Vertx vertx, VertxTestContext test) {
    String url = dependencyUrl("/status/204");
    expectResult(vertx, test, http(url), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      assertThat(result.getString("output")).isEqualTo("GET " + url + ": 204");
      assertThat(result.getJsonObject("data").getInteger("statusCode")).isEqualTo(204);
    });
  }

  @Test
  void httpFailsOn500(Vertx vertx, VertxTestContext test) {
    String url = dependencyUrl("/status/500");
    expectResult(vertx, test, http(url), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).isEqualTo("GET " + url + ": 500, expected 2xx");
    });
  }

  @Test
  void httpDoesNotFollowRedirects(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, http(dependencyUrl("/status/302")), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).endsWith(": 302, expected 2xx");
    });
  }

  @Test
  void httpPassesOnExactlyTheExpectedStatus(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, http(dependencyUrl("/status/404")).put("expectedStatus", 404), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      assertThat(result.getString("output")).endsWith(": 404");
    });
  }

  @Test
  void httpFailsOnAnyOtherStatusThanTheExpectedOne(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, http(dependencyUrl("/status/200")).put("expectedStatus", 404), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).endsWith(": 200, expected 404");
    });
  }

  @Test
  void httpFailsWhenTheConnectionIsRefused(Vertx vertx, VertxTestContext test) throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/";
    expectResult(vertx, test, http(url), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).startsWith("GET " + url + ": ").containsIgnoringCase("connection refused");
    });
  }

  @Test
  void httpFailsAtItsTimeout(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, http(dependencyUrl("/hang")).put("timeout", "100ms"), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).containsPattern("(?i)timed? ?out");
    });
  }

  @Test
  void httpSendsTheUserInfoOfTheUrlAsBasicAuthenticationAndMasksIt(Vertx vertx, VertxTestContext test) {
    String url = "http://monitor:s3cret@127.0.0.1:" + dependencyPort + "/auth";
    expectResult(vertx, test, http(url), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      assertThat(result.encode()).doesNotContain("s3cret").contains("********@127.0.0.1");
    });
  }

  private static JsonObject tcp(int port) {
    return new JsonObject().put("name", "db").put("type", "tcp").put("host", "127.0.0.1").put("port", port);
  }

  @Test
  void tcpPassesWhenTheConnectionIsAccepted(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, tcp(dependencyPort), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      assertThat(result.getString("output")).isEqualTo("connected to 127.0.0.1:" + dependencyPort);
    });
  }

  @Test
  void tcpFailsWhenTheConnectionIsRefused(Vertx vertx, VertxTestContext test) throws IOException {
    int port = closedPort();
    expectResult(vertx, test, tcp(port), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).startsWith("connect to 127.0.0.1:" + port + ": ")
        .containsIgnoringCase("connection refused");
    });
  }

  private static JsonObject diskSpace(Object minFree) {
    return new JsonObject().put("name", "disk").put("type", "disk-space").put("path", ".").put("minFree", minFree);
  }

  @Test
  void diskSpacePassesAboveMinFree(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, diskSpace(0), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      JsonObject data = result.getJsonObject("data");
      assertThat(data.getLong("totalBytes")).isPositive();
      assertThat(data.getLong("freeBytes")).isBetween(0L, data.getLong("totalBytes"));
      assertThat(data.getLong("minFreeBytes")).isZero();
    });
  }

  @Test
  void diskSpaceFailsBelowMinFree(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, diskSpace("1000000TB"), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).endsWith(", below minFree 1000000.0 TB");
      assertThat(result.getJsonObject("data").getLong("minFreeBytes")).isEqualTo(1_000_000L << 40);
    });
  }

  @Test
  void diskSpaceFailsForAMissingPath(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, diskSpace(0).put("path", "/no/such/vitals/dir"), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).startsWith("cannot read the file store of /no/such/vitals/dir");
    });
  }

  private static JsonObject heap(double maxUsed) {
    return new JsonObject().put("name", "heap").put("type", "heap").put("maxUsed", maxUsed);
  }

  @Test
  void heapPassesBelowMaxUsed(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, heap(1.0), result -> {
      assertThat(result.getBoolean("passed")).isTrue();
      JsonObject data = result.getJsonObject("data");
      assertThat(data.getLong("usedBytes")).isPositive().isLessThanOrEqualTo(data.getLong("maxBytes"));
    });
  }

  @Test
  void heapFailsAboveMaxUsed(Vertx vertx, VertxTestContext test) {
    expectResult(vertx, test, heap(0.000001), result -> {
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).contains("above maxUsed");
    });
  }
}
