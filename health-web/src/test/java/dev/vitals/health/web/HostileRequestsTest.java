package dev.vitals.health.web;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.CheckReport;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.test.RawConnection;
import dev.vitals.health.web.guard.RequestGuardHandler;
import dev.vitals.health.web.heartbeat.HeartbeatHandler;
import dev.vitals.health.web.probes.HealthHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** What a client without a token may send: half-sent, smuggled, oversized and crafted requests, over raw sockets. */
@ExtendWith(VertxExtension.class)
class HostileRequestsTest {

  private Vertx vertx;
  private CheckRegistry registry;
  private PassiveChecks passive;
  private HealthHandler health;
  private TestServer http;
  private int port;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    registry = CheckRegistry.create(vertx);
    passive = PassiveChecks.create(vertx, registry, Clock.systemUTC());
    passive.add(new CheckOptions("cron"), new PassiveOptions().setToken("job-token"));
    health = HealthHandler.create(registry);
    Router router = Router.router(vertx);
    router.route().handler(RequestGuardHandler.create(300).closingWhen(health::isDraining));
    router.route("/health/heartbeat/*").handler(HeartbeatHandler.create(passive, null));
    router.route("/health*").handler(health);
    HttpServer server = result(vertx.createHttpServer()
      .invalidRequestHandler(RequestGuardHandler.invalidRequestHandler())
      .requestHandler(router).listen(0, "127.0.0.1"));
    http = new TestServer(server, vertx);
    port = server.actualPort();
  }

  @AfterEach
  void tearDown() {
    http.close();
    passive.close();
    result(registry.close());
  }

  private CheckReport cron() {
    return result(registry.report("cron")).checks().get(0);
  }

  private HttpResponse<Buffer> form(String body) {
    return result(http.client.post("/health/heartbeat/cron").bearerTokenAuthentication("job-token")
      .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void argsNestedThousandsDeepAnswer400InsteadOfOverflowingTheStack() {
    HttpResponse<Buffer> response = form("msg=x+%25s&levelno=40&args=" + "%5B".repeat(5_000));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("nested deeper than 32");
    assertThat(cron().output()).as("nothing recorded").isEqualTo("no report yet");
    assertThat(form("msg=%25s&levelno=40&args=" + "%5B".repeat(10) + "1" + "%5D".repeat(10)).statusCode())
      .as("reasonable nesting still formats").isEqualTo(200);
  }

  @Test
  void aJsonFailureSentAsAFormIsRefusedNotRecordedAsAPass() {
    HttpResponse<Buffer> response = form("{\"status\": \"fail\", \"output\": \"disk full\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(400);
    assertThat(cron().output()).isEqualTo("no report yet");
  }

  @Test
  void expect100ContinueIsAnsweredOnceTheTokenIsChecked() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("POST /health/heartbeat/cron HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer job-token\r\n"
        + "Content-Type: application/json\r\nContent-Length: 35\r\nExpect: 100-continue\r\n\r\n");
      raw.awaitText("HTTP/1.1 100 Continue\r\n\r\n");
      raw.write("{\"status\":\"fail\",\"output\":\"exit 2\"}");
      assertThat(raw.awaitText("\"status\":\"fail\"}")).contains("HTTP/1.1 200");
    }
    assertThat(cron().output()).isEqualTo("exit 2");
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("POST /health/heartbeat/cron HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 35\r\nExpect: 100-continue\r\n\r\n");
      String answer = raw.awaitClosed();
      assertThat(answer).as("no token: refused without asking for the body, and closed")
        .startsWith("HTTP/1.1 401").doesNotContain("100 Continue").containsIgnoringCase("connection: close");
    }
  }

  @Test
  void aHalfSentBodyIsAnswered408AndItsConnectionClosed() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("POST /health/heartbeat/cron HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer job-token\r\n"
        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"status\":");
      String answer = raw.awaitClosed();
      assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408").containsIgnoringCase("connection: close");
    }
    assertThat(http.get("/health/live").statusCode()).as("the server still answers").isEqualTo(200);
  }

  @Test
  void aRequestAnsweredBeforeItsBodyCameClosesItsConnectionWithTheAnswer() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"); // the 5 bytes never come
      String answer = raw.awaitClosed();
      assertThat(answer).startsWith("HTTP/1.1 200 ").containsIgnoringCase("connection: close");
    }
  }

  @Test
  void aRecordOverTheUrlLimitIsAnswered414Json() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/heartbeat/cron?levelno=40&msg=" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      String answer = raw.awaitClosed();
      assertThat(answer).contains(" 414 ").containsIgnoringCase("content-type: application/json")
        .contains("{\"error\":\"Request line too long\",\"status\":414}");
    }
  }

  @Test
  void keepAliveClientsGetConnectionCloseWhileDraining() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.awaitText("\r\n\r\n")).doesNotContainIgnoringCase("connection: close");
      health.startDrain();
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      String answers = raw.awaitClosed();
      assertThat(answers.substring(answers.lastIndexOf("HTTP/1.1 "))).containsIgnoringCase("connection: close");
    }
  }

  @Test
  void contentLengthWithTransferEncodingClosesTheConnectionAfterTheAnswer() {
    // A smuggling shape (RFC 9112 section 6.3): the two framings disagree on where the next request starts.
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 44\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "0\r\n\r\nGET /health/ready HTTP/1.1\r\nHost: x\r\n\r\n");
      String answers = raw.awaitClosed();
      assertThat(answers).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
      assertThat(answers.indexOf("HTTP/1.1 ", 1)).as("nothing answered after the first request").isEqualTo(-1);
    }
  }

  @Test
  void aChunkedRequestIsAnsweredAndItsConnectionClosed() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
      assertThat(raw.awaitClosed()).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
    }
  }

  @Test
  void aKeepAliveConnectionOutlivesTheRequestTimeoutOnceItsRequestsEnded() {
    try (RawConnection raw = RawConnection.open(vertx, port)) {
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      raw.awaitText("\r\n\r\n");
      result(vertx.timer(600)); // twice the request timeout
      raw.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      raw.awaitText("HTTP/1.1 200", 2);
      assertThat(raw.isClosed()).isFalse();
    }
  }
}
