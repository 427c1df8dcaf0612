package dev.vitals.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The load server through real HTTP: what each contender answers and what the counters say. No load. */
@ExtendWith(VertxExtension.class)
class BenchmarkServerTest {

  @Test
  void servesTheThreeContendersOverTheSameTenChecksAndCountsTheirRuns(Vertx vertx) throws Exception {
    BenchmarkServer server = result(BenchmarkServer.start(vertx, Scenario.CHEAP, 0, 2));
    WebClient client = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> vitals = get(client, server, "/health");
      HttpResponse<Buffer> bare = get(client, server, "/bare");
      assertThat(vitals.statusCode()).isEqualTo(200);
      assertThat(bare.statusCode()).isEqualTo(200);
      assertThat(bare.getHeader("Content-Type")).isEqualTo(vitals.getHeader("Content-Type"));
      assertThat(bare.body().length()).as("bare answers as many bytes as Vitals").isEqualTo(vitals.body().length());
      assertThat(vitals.bodyAsJsonObject().getJsonArray("results")).hasSize(TenChecks.COUNT);

      HttpResponse<Buffer> vertxAnswer = get(client, server, "/vertx-health");
      assertThat(vertxAnswer.statusCode()).isEqualTo(200);
      assertThat(vertxAnswer.bodyAsJsonObject().getJsonArray("checks")).hasSize(TenChecks.COUNT);
      get(client, server, "/vertx-health");
      get(client, server, "/health");

      assertThat(get(client, server, "/counts/vitals").bodyAsString().trim())
        .as("Vitals ran each check once (at start), then served the cache").isEqualTo("1 1 1 1 1 1 1 1 1 1");
      assertThat(get(client, server, "/counts/vertx").bodyAsString().trim())
        .as("vertx runs every check per request").isEqualTo("2 2 2 2 2 2 2 2 2 2");
      assertThat(get(client, server, "/counts").bodyAsJsonObject().getJsonObject("runs").getJsonObject("vitals")
        .getLong("check-10")).isEqualTo(1);
      assertThat(Long.parseLong(get(client, server, "/gc").bodyAsString().trim())).isPositive();
    } finally {
      client.close();
      result(server.close());
    }
  }

  @Test
  void consulScenarioServesStatusFromTheWatcherAndFromOneLookupPerRequest(Vertx vertx) throws Exception {
    BenchmarkServer server = result(BenchmarkServer.start(vertx, Scenario.CONSUL, 0, 1));
    WebClient client = WebClient.create(vertx);
    try {
      // The watcher's first read is followed (after minInterval, 100 ms) by its blocking query, which then waits:
      // counted from there, nothing a /status does may add to it (sampled before it, 1 became 2 once in a full run).
      until(() -> {
        try {
          return Long.parseLong(get(client, server, "/counts/consul-vitals").bodyAsString().trim()) >= 2;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, () -> "the watcher never made its blocking query");
      long watcherRequests = Long.parseLong(get(client, server, "/counts/consul-vitals").bodyAsString().trim());
      for (int i = 0; i < 3; i++) {
        assertThat(get(client, server, "/status").bodyAsJsonObject().getString("status")).isEqualTo("ok");
        HttpResponse<Buffer> lookup = get(client, server, "/status-lookup");
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.bodyAsJsonObject().getString("status")).isEqualTo("ok");
      }
      assertThat(get(client, server, "/counts/consul-lookup").bodyAsString().trim()).isEqualTo("3");
      assertThat(Long.parseLong(get(client, server, "/counts/consul-vitals").bodyAsString().trim()))
        .as("the watcher's requests do not follow /status").isEqualTo(watcherRequests);
      assertThat(get(client, server, "/bare").body().length())
        .isEqualTo(get(client, server, "/status").body().length());
    } finally {
      client.close();
      result(server.close());
    }
  }

  @Test
  void unknownScenarioNamesTheValidOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.of("fast"))
      .isInstanceOf(IllegalArgumentException.class)
      .hasMessage("Unknown scenario 'fast', expected one of cheap, slow50, slow500, expiry, consul");
  }

  private static HttpResponse<Buffer> get(WebClient client, BenchmarkServer server, String path) throws Exception {
    return result(client.get(server.port(), "127.0.0.1", path).send());
  }
}
