package dev.vitals.health.web;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.HealthReport;
import dev.vitals.health.ProcedureResult;
import dev.vitals.health.web.probes.FormatContext;
import dev.vitals.health.web.probes.HealthFormat;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every format for the same registry, content negotiation, and an added format, through real HTTP. */
@ExtendWith(VertxExtension.class)
class FormatsTest {

  private CheckRegistry registry;
  private HealthChecks plain;
  private TestServer http;

  @BeforeEach
  void setUp(Vertx vertx) {
    registry = CheckRegistry.create(vertx);
    plain = HealthChecks.create(vertx);
    for (HealthChecks hc : new HealthChecks[]{registry, plain}) {
      hc.register("db/primary", p -> p.complete(Status.OK(new JsonObject().put("pool", 5))));
      hc.register("db/replica", p -> p.fail("replica lagging"));
      hc.register("cache", p -> p.complete(Status.OK()));
    }
    registry.register(new CheckOptions("disk").setCritical(false),
      () -> Future.succeededFuture(ProcedureResult.warn("85% used")));
    plain.register("disk", p -> p.complete(Status.OK()));
    HealthHandlerOptions options = new HealthHandlerOptions().setApplication(new ApplicationOptions()
      .setName("orders").setVersion("1.4.2").setReleaseId("1.4.2-b77").setServiceId("orders-eu-1")
      .setDescription("Order service"));
    HealthHandler handler = HealthHandler.create(registry, options).addFormat(new TextFormat());
    Router router = Router.router(vertx);
    router.route("/health*").handler(handler);
    http = new TestServer(vertx, router);
  }

  @AfterEach
  void tearDown() {
    http.close();
    result(registry.close());
  }

  /** A plain-text format an application adds. */
  static final class TextFormat implements HealthFormat {
    @Override
    public String name() {
      return "text";
    }

    @Override
    public String mediaType() {
      return "text/plain";
    }

    @Override
    public Buffer render(HealthReport report, FormatContext context) {
      return Buffer.buffer(report.status().wireName() + " " + report.checks().size() + "\n");
    }
  }

  @Test
  void theVertxFormatIsWhatVertxHealthCheckGives() {
    registry.unregister("disk");
    plain.unregister("disk");
    HttpResponse<Buffer> ours = http.get("/health?format=vertx");
    assertThat(ours.getHeader("Content-Type")).isEqualTo("application/vnd.vertx.health+json");
    assertThat(ours.bodyAsString()).isEqualTo(result(plain.checkStatus()).toJson().encode());
    assertThat(http.get("/health/db?format=vertx").bodyAsString())
      .isEqualTo(result(plain.checkStatus("db")).toJson().encode());
    assertThat(http.get("/health/db/replica", "application/vnd.vertx.health+json").bodyAsString())
      .isEqualTo(result(plain.checkStatus("db/replica")).toJson().encode());
  }

  @Test
  void healthJsonFollowsTheIetfDraft() {
    HttpResponse<Buffer> response = http.get("/health", "application/health+json");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/health+json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("fail");
    assertThat(body.getString("version")).isEqualTo("1.4.2");
    assertThat(body.getString("releaseId")).isEqualTo("1.4.2-b77");
    assertThat(body.getString("serviceId")).isEqualTo("orders-eu-1");
    assertThat(body.getString("description")).isEqualTo("Order service");
    assertThat(body.getString("output")).contains("db/replica").contains("disk");
    JsonObject checks = body.getJsonObject("checks");
    assertThat(checks.fieldNames()).containsExactly("db/primary:responseTime", "db/replica:responseTime",
      "cache:responseTime", "disk:responseTime");
    JsonObject primary = checks.getJsonArray("db/primary:responseTime").getJsonObject(0);
    assertThat(primary.getString("componentId")).isEqualTo("db/primary");
    assertThat(primary.getString("observedUnit")).isEqualTo("ms");
    assertThat(primary.getDouble("observedValue")).isNotNegative();
    assertThat(primary.getString("status")).isEqualTo("pass");
    assertThat(Instant.parse(primary.getString("time"))).isBeforeOrEqualTo(Instant.now());
    assertThat(primary.containsKey("output")).as("no output when passing").isFalse();
    JsonObject replica = checks.getJsonArray("db/replica:responseTime").getJsonObject(0);
    assertThat(replica.getString("status")).isEqualTo("fail");
    assertThat(replica.getString("output")).isEqualTo("replica lagging");
    assertThat(checks.getJsonArray("disk:responseTime").getJsonObject(0).getString("status")).isEqualTo("warn");
  }

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "application/json | application/json",
    "application/vnd.vertx.health+json | application/vnd.vertx.health+json",
    "application/health+json | application/health+json",
    "*/* | application/json",
    "application/* | application/json",
    "text/plain | text/plain",
    "text/* | text/plain",
    "application/json;q=0.5, application/health+json | application/health+json",
    "application/health+json;q=0.2, application/vnd.vertx.health+json;q=0.9 | application/vnd.vertx.health+json",
    "*/*;q=0.1, application/json;q=0 | application/vnd.vertx.health+json",
    "text/html, application/health+json;q=0.8 | application/health+json"})
  void acceptNegotiatesTheFormat(String accept, String expected) {
    HttpResponse<Buffer> response = http.get("/health", accept);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.getHeader("Content-Type")).isEqualTo(expected);
  }

  @Test
  void anAcceptNothingMatchesGives406() {
    HttpResponse<Buffer> response = http.get("/health", "text/html, image/png");
    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("application/health+json");
    assertThat(http.get("/health", "application/json;q=0").statusCode()).isEqualTo(406);
  }

  @Test
  void formatParameterWinsAndAnUnknownOneGives400() {
    assertThat(http.get("/health?format=health%2Bjson", "application/json").getHeader("Content-Type"))
      .isEqualTo("application/health+json");
    assertThat(http.get("/health?format=vitals").getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(http.get("/health?format=text").bodyAsString()).isEqualTo("fail 4\n");
    HttpResponse<Buffer> bad = http.get("/health?format=xml");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error"))
      .isEqualTo("Unknown format 'xml', expected one of vitals, vertx, health+json, text");
  }

  @Test
  void theVitalsFormatIsTheDefault() {
    JsonObject body = http.get("/health").bodyAsJsonObject();
    assertThat(body.getString("outcome")).isEqualTo("fail");
    assertThat(body.getJsonArray("results")).hasSize(4);
    assertThat(body.getJsonArray("results").getJsonObject(3).getString("status")).isEqualTo("warn");
  }

  @Test
  void aClashingFormatIsRefused(Vertx vertx) {
    HealthHandler handler = HealthHandler.create(registry);
    assertThatThrownBy(() -> handler.addFormat(HealthFormat.vitals())).isInstanceOf(IllegalArgumentException.class);
  }
}
