package dev.vitals.health.web;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.MaintenanceState;
import dev.vitals.health.ServiceStatus;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.status.MaintenanceHandler;
import dev.vitals.health.web.status.StatusHandler;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** /status and the guarded maintenance switch, through a real server on port 0. */
@ExtendWith(VertxExtension.class)
class StatusHandlerTest {

  private static final String TOKEN = "s3cret-admin";

  private MaintenanceSource source;
  private TestServer http;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    source = MaintenanceSource.local();
    ApplicationOptions app = new ApplicationOptions().setName("orders").setVersion("1.4.2");
    Router router = Router.router(vertx);
    router.route("/status").handler(StatusHandler.create(source, app));
    router.route("/status/maintenance")
      .handler(BodyHandler.create().setBodyLimit(1024))
      .handler(AdminTokenHandler.create(TOKEN))
      .handler(MaintenanceHandler.create(source, app));
    Router sub = Router.router(vertx);
    sub.route("/status").handler(StatusHandler.create(source, new ApplicationOptions()));
    router.route("/ops/*").subRouter(sub);
    http = new TestServer(vertx, router);
    client = http.client;
  }

  @AfterEach
  void tearDown() {
    http.close();
  }

  private HttpRequest<Buffer> admin(HttpMethod method) {
    return client.request(method, "/status/maintenance").bearerTokenAuthentication(TOKEN);
  }

  @Test
  void okGives200WithTheSprocketsBody() {
    HttpResponse<Buffer> response = result(client.get("/status").send());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("application")).isEqualTo("orders");
    assertThat(body.getString("status")).isEqualTo("ok");
    assertThat(body.getString("version")).isEqualTo("1.4.2");
    assertThat(body.getString("source")).isEqualTo("local");
    assertThat(Instant.parse(body.getString("since"))).isBeforeOrEqualTo(Instant.now());
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("application", "status", "version", "since", "source");
  }

  @Test
  void applicationNameAndVersionFallBackToUnknown() {
    JsonObject body = result(client.get("/ops/status").send()).bodyAsJsonObject();
    assertThat(body.getString("application")).isEqualTo("unknown");
    assertThat(body.getString("version")).isEqualTo("unknown");
  }

  @Test
  void maintenanceSwitchesOnWithAReasonAndOffAgain() {
    HttpResponse<Buffer> put = result(admin(HttpMethod.PUT).sendJsonObject(new JsonObject().put("reason", "kernel upgrade")));
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getString("status")).isEqualTo("maintenance");

    HttpResponse<Buffer> status = result(client.get("/status").send());
    assertThat(status.statusCode()).isEqualTo(503);
    assertThat(status.bodyAsJsonObject().getString("status")).isEqualTo("maintenance");
    assertThat(status.bodyAsJsonObject().getString("reason")).isEqualTo("kernel upgrade");
    assertThat(result(client.head("/status").send()).statusCode()).isEqualTo(503);

    HttpResponse<Buffer> delete = result(admin(HttpMethod.DELETE).send());
    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(delete.bodyAsJsonObject().getString("status")).isEqualTo("ok");
    assertThat(result(client.get("/status").send()).statusCode()).isEqualTo(200);
  }

  @Test
  void putWithoutBodyUsesADefaultReason() {
    assertThat(result(admin(HttpMethod.PUT).send()).statusCode()).isEqualTo(200);
    assertThat(source.state().inMaintenance()).isTrue();
    assertThat(source.state().reason()).isEqualTo("Maintenance mode enabled");
  }

  @Test
  void listenersHearOfChanges() {
    java.util.List<ServiceStatus> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    source.addListener(state -> heard.add(state.status()));
    result(admin(HttpMethod.PUT).send());
    result(admin(HttpMethod.PUT).send());
    result(admin(HttpMethod.DELETE).send());
    assertThat(heard).containsExactly(ServiceStatus.MAINTENANCE, ServiceStatus.OK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2]", "{\"reason\": 42}", "\"text\"", "{\"reason\": "})
  void aMalformedBodyGives400AndChangesNothing(String body) {
    HttpResponse<Buffer> response = result(admin(HttpMethod.PUT).putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer(body)));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(source.state().inMaintenance()).isFalse();
  }

  @Test
  void aBodyOverTheLimitGives413AndChangesNothing() {
    try (LogCapture log = LogCapture.of("io.vertx.ext.web.RoutingContext")) {
      HttpResponse<Buffer> response = result(admin(HttpMethod.PUT)
        .sendJsonObject(new JsonObject().put("reason", "x".repeat(4096))));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(source.state().inMaintenance()).isFalse();
      // vertx-web reports the BodyHandler's 413 as an unhandled failure: one line, never a trace per request.
      assertThat(log.messages()).hasSizeLessThanOrEqualTo(1)
        .allSatisfy(line -> assertThat(line).startsWith("SEVERE: Unhandled exception in router"));
    }
  }

  @Test
  void writesNeedTheToken() {
    HttpResponse<Buffer> none = result(client.put("/status/maintenance").send());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(none.bodyAsJsonObject().getInteger("status")).isEqualTo(401);

    HttpResponse<Buffer> wrong = result(client.put("/status/maintenance").bearerTokenAuthentication("guess").send());
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.bodyAsJsonObject().getInteger("status")).isEqualTo(403);

    HttpResponse<Buffer> basic = result(client.delete("/status/maintenance").basicAuthentication("a", "b").send());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(source.state().inMaintenance()).isFalse();
  }

  @Test
  void otherMethodsGive405() {
    HttpResponse<Buffer> post = result(client.post("/status").send());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
    HttpResponse<Buffer> get = result(admin(HttpMethod.GET).send());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.getHeader("Allow")).isEqualTo("PUT, DELETE");
  }

  @Test
  void staleAndUnknownStatesAreShownWithTheirCodes(Vertx vertx) {
    FixedSource fixed = new FixedSource(new MaintenanceState(ServiceStatus.MAINTENANCE, "drain", Instant.EPOCH,
      "consul", true, "Connection refused"));
    Router router = Router.router(vertx);
    router.route("/status").handler(StatusHandler.create(fixed, new ApplicationOptions().setName("a").setVersion("1")));
    try (TestServer other = new TestServer(vertx, router)) {
      HttpResponse<Buffer> stale = other.get("/status");
      assertThat(stale.statusCode()).isEqualTo(503);
      assertThat(stale.bodyAsJsonObject()).isEqualTo(new JsonObject().put("application", "a")
        .put("status", "maintenance").put("version", "1").put("reason", "drain").put("since", "1970-01-01T00:00:00Z")
        .put("source", "consul").put("stale", true).put("error", "Connection refused"));

      fixed.state = new MaintenanceState(ServiceStatus.UNKNOWN, null, Instant.EPOCH, "consul", true, "no answer yet");
      assertThat(other.get("/status").statusCode()).isEqualTo(500);
    }
  }

  @Test
  void aFailingSourceGives502WithItsMessage(Vertx vertx) {
    FixedSource fixed = new FixedSource(MaintenanceState.ok(Instant.EPOCH, "consul"));
    fixed.failure = "Permission denied";
    Router router = Router.router(vertx);
    router.route("/m").handler(BodyHandler.create()).handler(MaintenanceHandler.create(fixed, new ApplicationOptions()));
    try (TestServer other = new TestServer(vertx, router)) {
      HttpResponse<Buffer> response = result(other.client.put("/m").send());
      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.bodyAsJsonObject().getString("error")).contains("consul").contains("Permission denied");
    }
  }

  /** A source whose state the test sets, and whose switches fail when told to. */
  static final class FixedSource implements MaintenanceSource {
    volatile MaintenanceState state;
    volatile String failure;

    FixedSource(MaintenanceState state) {
      this.state = state;
    }

    @Override
    public MaintenanceState state() {
      return state;
    }

    @Override
    public Future<MaintenanceState> enable(String reason) {
      return failure != null ? Future.failedFuture(failure) : Future.succeededFuture(state);
    }

    @Override
    public Future<MaintenanceState> disable() {
      return enable(null);
    }

    @Override
    public MaintenanceSource addListener(Handler<MaintenanceState> listener) {
      return this;
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
