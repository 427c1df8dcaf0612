package dev.vitals.samples;

import dev.vitals.health.test.RawConnection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13's reproductions against the standalone verticle, over raw sockets. */
@ExtendWith(VertxExtension.class)
class StandaloneHostileTest {

  private static final String TOKEN = "admin-s3cret";
  private static final String HALF_SENT_PUT = "PUT /status/maintenance HTTP/1.1\r\nHost: x\r\n"
    + "Content-Type: application/json\r\nContent-Length: 60000\r\n";

  private static JsonObject config(Object requestTimeout) {
    return new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0).put("maxInFlight", 4)
        .put("requestTimeout", requestTimeout))
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("checks", new JsonArray().add(new JsonObject().put("name", "heap").put("type", "heap")
        .put("tags", new JsonArray().add("liveness").add("readiness"))));
  }

  private static int status(WebClient client, int port, String path) {
    return result(client.get(port, "127.0.0.1", path).send()).statusCode();
  }

  @Test
  void halfSentBodiesHeldElsewhereNeverRefuseTheProbes(Vertx vertx) {
    StandaloneVerticle verticle = result(deploy(vertx, config(0)));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);
    List<RawConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        held.add(RawConnection.open(vertx, port)
          .write(HALF_SENT_PUT + "Authorization: Bearer " + TOKEN + "\r\n\r\n{\"reason\": \"slo"));
      }
      // Polled, not slept on: the held budget shows once the server has taken the six requests in.
      assertThat(poll(() -> status(client, port, "/status"), code -> code == 503, String::valueOf))
        .as("the other routes' budget is held").isEqualTo(503);
      for (int i = 0; i < 10; i++) {
        assertThat(status(client, port, "/health/live")).isEqualTo(200);
        assertThat(status(client, port, "/health/ready")).isEqualTo(200);
      }
    } finally {
      held.forEach(RawConnection::close);
      client.close();
    }
  }

  @Test
  void withoutATokenTheBodyIsNeverWaitedFor(Vertx vertx) {
    StandaloneVerticle verticle = result(deploy(vertx, config(0)));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);
    for (int i = 0; i < 8; i++) {
      try (RawConnection raw = RawConnection.open(vertx, port)) {
        String answer = raw.write(HALF_SENT_PUT + "\r\n{\"reason\"").awaitClosed();
        assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
      }
    }
    assertThat(status(client, port, "/status")).as("nothing was held").isEqualTo(200);
    client.close();
  }

  @Test
  void slowBodiesTimeOutWith408AndFreeTheirSlots(Vertx vertx) {
    StandaloneVerticle verticle = result(deploy(vertx, config("200ms")));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(vertx);
    for (int i = 0; i < 6; i++) {
      try (RawConnection raw = RawConnection.open(vertx, port)) {
        String answer = raw.write(HALF_SENT_PUT + "Authorization: Bearer " + TOKEN + "\r\n\r\n{").awaitClosed();
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408");
      }
    }
    assertThat(status(client, port, "/status")).isEqualTo(200);
    client.close();
  }
}
