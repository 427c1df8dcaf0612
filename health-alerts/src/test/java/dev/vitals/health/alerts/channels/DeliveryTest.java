package dev.vitals.health.alerts.channels;

import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vitals.health.alerts.channels.Fixtures.channel;
import static dev.vitals.health.alerts.channels.Fixtures.firing;
import static dev.vitals.health.alerts.channels.Fixtures.resolved;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery: retries, the circuit, the bounded queue, counters and masked errors, against loopback receivers. */
@ExtendWith(VertxExtension.class)
class DeliveryTest {

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<NotificationSink> sinks = new ArrayList<>();
  private final MutableClock clock = new MutableClock();
  private LogCapture log;

  @BeforeEach
  void captureLog() {
    log = LogCapture.of("dev.vitals.health.alerts.channels.impl.DeliverySink");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (NotificationSink sink : sinks) {
      result(sink.close());
    }
    for (AutoCloseable c : closing) {
      c.close();
    }
    log.close();
  }

  private Receiver receiver(Vertx vertx, int status) {
    Receiver receiver = new Receiver(vertx, status);
    closing.add(receiver);
    return receiver;
  }

  private Map<String, NotificationSink> create(Vertx vertx, ChannelOptions... channels) {
    Map<String, NotificationSink> created = AlertChannels.create(vertx, List.of(channels), clock);
    sinks.addAll(created.values());
    return created;
  }

  private static JsonObject settled(NotificationSink sink, String counter, long count) {
    until(() -> sink.status().getLong(counter) >= count, () -> "status " + sink.status());
    return sink.status();
  }

  @Test
  void aReceiverAnswering500Then200GetsTheRetries(Vertx vertx) {
    Receiver hook = receiver(vertx, 204).answer(500, 503);
    NotificationSink sink = create(vertx, channel("webhook", "hook", new JsonObject().put("url", hook.url())
      .put("retries", 3).put("retryDelay", "10ms"))).get("hook");
    assertThat(sink.offer(firing("db"))).isTrue();
    JsonObject status = settled(sink, "sent", 1);
    assertThat(hook.requests()).hasSize(3);
    assertThat(status.getLong("failed")).isZero();
    assertThat(status.getLong("retried")).isEqualTo(2);
    assertThat(status.getString("circuit")).isEqualTo("closed");
    assertThat(status.getInteger("queued")).isZero();
    JsonObject last = status.getJsonArray("last").getJsonObject(0);
    assertThat(last.getString("outcome")).isEqualTo("sent");
    assertThat(last.getString("kind")).isEqualTo("firing");
    assertThat(last.getString("check")).isEqualTo("db");
    assertThat(last.getInteger("tries")).isEqualTo(3);
    assertThat(last.getString("at")).isEqualTo(clock.instant().toString());
    assertThat(last.getValue("error")).isNull();
    assertThat(log.messages()).isEmpty();
  }

  @Test
  void aFailureNamesTheChannelAndStatusButNeverTheSecret(Vertx vertx) {
    Receiver slack = receiver(vertx, 500);
    String url = slack.url() + "/services/T0/B0/S3CR3TT0KEN";
    slack.errorBody("no_service for " + url + " and /services/T0/B0/S3CR3TT0KEN");
    Receiver pagerDuty = receiver(vertx, 400).errorBody("{\"status\":\"invalid\",\"message\":\"Event object is "
      + "invalid\",\"errors\":[\"routing_key R0UT1NGK3Y0000 is unknown\"]}");
    Map<String, NotificationSink> created = create(vertx,
      channel("slack", "ops", new JsonObject().put("url", url).put("retries", 1).put("retryDelay", 1)),
      channel("pagerduty", "pd", new JsonObject().put("routingKey", "R0UT1NGK3Y0000").put("url", pagerDuty.url())
        .put("retries", 0)));
    created.get("ops").offer(firing("db"));
    created.get("ops").offer(firing("cache"));
    created.get("pd").offer(firing("db"));
    JsonObject ops = settled(created.get("ops"), "failed", 2);
    JsonObject pd = settled(created.get("pd"), "failed", 1);
    String slackError = ops.getJsonArray("last").getJsonObject(0).getString("error");
    assertThat(slackError).startsWith("slack channel 'ops': HTTP 500 Internal Server Error: no_service for ");
    assertThat(slackError).doesNotContain("S3CR3TT0KEN");
    assertThat(ops.getJsonArray("last").getJsonObject(0).getInteger("tries")).isEqualTo(2);
    String pdError = pd.getJsonArray("last").getJsonObject(0).getString("error");
    assertThat(pdError).startsWith("pagerduty channel 'pd': HTTP 400 Bad Request: ").contains("Event object is invalid")
      .doesNotContain("R0UT1NGK3Y0000");
    until(() -> log.messages().size() >= 2, () -> "log " + log.messages());
    assertThat(String.join("\n", log.messages())).doesNotContain("S3CR3TT0KEN").doesNotContain("R0UT1NGK3Y0000");
    // one line per burst and sink: the slack channel's second failure is counted, not logged
    assertThat(log.messages()).hasSize(2);
  }

  @Test
  void aDeadReceiverOpensTheCircuitWithoutHoldingBackAnotherChannel(Vertx vertx) {
    HttpServer gone = result(vertx.createHttpServer().requestHandler(r -> r.response().end()).listen(0, "127.0.0.1"));
    int port = gone.actualPort();
    result(gone.close());
    Receiver alive = receiver(vertx, 200);
    Map<String, NotificationSink> created = create(vertx,
      channel("ntfy", "dead", new JsonObject().put("url", "http://127.0.0.1:" + port + "/topic").put("retries", 1)
        .put("retryDelay", "5ms").put("failuresToOpen", 2).put("resetTimeout", "300ms")),
      channel("slack", "alive", new JsonObject().put("url", alive.url() + "/hook")));
    NotificationSink dead = created.get("dead");
    for (String check : List.of("a", "b", "c")) {
      dead.offer(firing(check));
      created.get("alive").offer(firing(check));
    }
    JsonObject status = settled(dead, "failed", 3);
    assertThat(status.getLong("sent")).isZero();
    assertThat(status.getString("circuit")).isIn("open", "half-open");
    List<String> errors = status.getJsonArray("last").stream().map(e -> ((JsonObject) e).getString("error")).toList();
    assertThat(errors.get(2)).startsWith("ntfy channel 'dead': ").contains("onnection refused"); // first: tried twice
    assertThat(errors.get(0)).isEqualTo("ntfy channel 'dead': the circuit is open after 2 failed tries; not tried");
    assertThat(settled(created.get("alive"), "sent", 3).getLong("failed")).isZero();
    until(() -> "half-open".equals(dead.status().getString("circuit")), () -> "status " + dead.status());
    dead.offer(firing("d")); // the one try half-open lets through fails: open again
    until(() -> dead.status().getLong("failed") == 4 && "open".equals(dead.status().getString("circuit")),
      () -> "status " + dead.status());
    assertThat(dead.status().getJsonArray("last").getJsonObject(0).getInteger("tries")).isEqualTo(1);
  }

  @Test
  void aFullQueueDropsAndCounts(Vertx vertx) {
    Receiver silent = receiver(vertx, 200).silent();
    NotificationSink sink = create(vertx, channel("teams", "t", new JsonObject().put("url", silent.url())
      .put("maxQueued", 2).put("timeout", "30s"))).get("t");
    List<Boolean> accepted = new ArrayList<>();
    for (String check : List.of("a", "b", "c", "d", "e")) {
      accepted.add(sink.offer(firing(check)));
    }
    assertThat(accepted).containsExactly(true, true, false, false, false);
    silent.await(1);
    JsonObject status = sink.status();
    assertThat(status.getLong("dropped")).isEqualTo(3);
    assertThat(status.getInteger("queued")).isEqualTo(2);
    assertThat(status.getJsonArray("last").getJsonObject(0))
      .isEqualTo(new JsonObject().put("kind", "firing").put("check", "e").put("outcome", "dropped").put("tries", 0)
        .put("at", clock.instant().toString()).put("error", "the queue is full (maxQueued 2)"));
    assertThat(log.messages()).hasSize(1);
    assertThat(log.messages().get(0)).startsWith("WARNING: teams channel 't': dropped a firing notification of c: "
      + "the queue is full (maxQueued 2)");
  }

  @Test
  void aSilentReceiverTimesOutAndTheNextNotificationGoesOn(Vertx vertx) {
    Receiver silent = receiver(vertx, 200).silent();
    NotificationSink sink = create(vertx, channel("webhook", "w", new JsonObject().put("url", silent.url())
      .put("timeout", "100ms").put("retries", 0))).get("w");
    sink.offer(firing("db"));
    sink.offer(resolved("db"));
    JsonObject status = settled(sink, "failed", 2);
    assertThat(silent.requests()).hasSize(2);
    assertThat(status.getJsonArray("last").getJsonObject(0).getString("error"))
      .isEqualTo("webhook channel 'w': no answer within 100 ms");
    assertThat(status.getJsonArray("last").getJsonObject(0).getString("kind")).isEqualTo("resolved");
  }

  @Test
  void createValidatesTypesAndNamesFirst(Vertx vertx) {
    ChannelOptions one = channel("slack", "ops", new JsonObject().put("url", "https://hooks.slack.com/x"));
    ChannelOptions two = channel("ntfy", "ops", new JsonObject().put("url", "https://ntfy.sh/x"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertChannels.create(vertx, List.of(one, two)))
      .hasMessage("channels[1].name: expected a name no other channel has (channels[0] has it), got 'ops'");
    assertThat(AlertChannels.types())
      .containsExactly("alertmanager", "email", "slack", "teams", "pagerduty", "ntfy", "webhook");
  }
  /**
   * A hostile receiver that answers 200 and then a body that never ends, a few bytes at a time (never idle): each
   * try ends at the channel's timeout and its connection is closed, so later notifications still reach the
   * receiver (they used to wait behind the client's pool of 5 connections, each held for ever by an endless body,
   * and failed getting one: 6 requests of 8 arrived, 5 connections stayed open 20 s later).
   */
  @Test
  void aReceiverWithAnEndlessBodyHoldsNoConnectionBeyondTheTimeout(Vertx vertx) {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    HttpServer endless = result(vertx.createHttpServer().connectionHandler(connection -> {
      open.incrementAndGet();
      connection.closeHandler(v -> open.decrementAndGet());
    }).requestHandler(request -> {
      requests.incrementAndGet();
      request.response().setChunked(true).setStatusCode(200).write("{");
      long timer = vertx.setPeriodic(20, id -> request.response().write("          "));
      request.response().closeHandler(v -> vertx.cancelTimer(timer));
      request.response().exceptionHandler(e -> vertx.cancelTimer(timer));
    }).listen(0, "127.0.0.1"));
    closing.add(() -> result(endless.close()));
    NotificationSink sink = create(vertx, channel("webhook", "hook", new JsonObject()
      .put("url", "http://127.0.0.1:" + endless.actualPort() + "/hook").put("timeout", "200ms").put("retries", 0)
      .put("failuresToOpen", 100))).get("hook");
    for (int i = 0; i < 8; i++) {
      assertThat(sink.offer(firing("db" + i))).isTrue();
    }
    JsonObject status = settled(sink, "failed", 8);
    assertThat(status.getJsonArray("last").getJsonObject(0).getString("error"))
      .isEqualTo("webhook channel 'hook': no answer within 200 ms");
    until(() -> requests.get() == 8 && open.get() <= 1, () -> requests.get() + " requests arrived, " + open.get()
      + " connections open");
  }
}
