package dev.vitals.health.metrics;

import dev.vitals.health.test.Await;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MetricsHandler} over HTTP: the format follows {@code Accept}, every answer is {@code no-store}. */
@ExtendWith(VertxExtension.class)
class MetricsHandlerTest {

  private HttpServer server;
  private HttpClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("greetings").register(registry).increment(3);
    Router router = Router.router(vertx);
    router.get("/metrics").handler(MetricsHandler.create(registry));
    server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() {
    Await.result(client.close());
    Await.result(server.close());
  }

  /** A response and its body. */
  private record Answer(HttpClientResponse response, Buffer body) {
    String getHeader(String name) {
      return response.getHeader(name);
    }

    String bodyAsString() {
      return body.toString();
    }
  }

  private Answer get(String accept) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
      .setPort(server.actualPort()).setURI("/metrics");
    if (accept != null) {
      request.putHeader("Accept", accept);
    }
    Answer answer = Await.result(client.request(request)
      .compose(req -> req.send().compose(response -> response.body().map(body -> new Answer(response, body)))));
    assertThat(answer.response().statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
    return answer;
  }

  @Test
  void textFormatByDefault() {
    for (String accept : new String[]{null, "*/*", "text/plain", "application/json",
      "application/openmetrics-text;q=0.2, text/plain;q=0.5"}) {
      Answer response = get(accept);
      assertThat(response.getHeader("Content-Type")).as(accept).isEqualTo(MetricsHandler.TEXT);
      assertThat(response.bodyAsString()).contains("# TYPE greetings_total counter\ngreetings_total 3.0\n")
        .doesNotContain("# EOF");
    }
  }

  @Test
  void openMetricsWhenPreferred() {
    // What Prometheus 2 sends.
    Answer response = get("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
      + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(response.getHeader("Content-Type")).isEqualTo(MetricsHandler.OPENMETRICS);
    assertThat(response.bodyAsString()).contains("# TYPE greetings counter\n", "\ngreetings_total 3.0\n").endsWith("# EOF\n");
  }
}
