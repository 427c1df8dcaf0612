package dev.vitals.samples;

import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile dependencies (issue 23, items 2 and 3): fake Redis, PostgreSQL and HTTP servers that announce or stream
 * endless replies. The standalone runs on a Vert.x instance with a single event loop, so that any dependency I/O
 * done on its loops would show in the event-loop check that {@code /health/live} serves; the fakes run on the
 * test's own instance.
 */
@ExtendWith(VertxExtension.class)
class HostileDependencyTest {

  private static final Buffer CHUNK = Buffer.buffer(new byte[64 * 1024]);

  private final AtomicInteger openConnections = new AtomicInteger();
  private Vertx standaloneVertx;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx) {
    standaloneVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    result(standaloneVertx.close());
  }

  /** A raw TCP server on loopback that counts its open connections and answers the first bytes it reads. */
  private int fakeServer(Vertx vertx, Consumer<NetSocket> onFirstBytes) {
    return fakeServer(vertx, false, onFirstBytes);
  }

  /**
   * @param speaksFirst whether it writes as soon as a client connects (a MySQL server's greeting) rather than when
   *                    it reads the client's first bytes
   */
  private int fakeServer(Vertx vertx, boolean speaksFirst, Consumer<NetSocket> onFirstBytes) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      openConnections.incrementAndGet();
      boolean[] answered = {speaksFirst};
      socket.closeHandler(closed -> openConnections.decrementAndGet());
      if (speaksFirst) {
        onFirstBytes.accept(socket);
      }
      socket.handler(bytes -> {
        if (!answered[0]) {
          answered[0] = true;
          onFirstBytes.accept(socket);
        }
      });
    });
    return result(server.listen(0, "127.0.0.1")).actualPort();
  }

  /**
   * Writes as fast as the peer reads, up to 16 chunks a millisecond, until it goes (the close handler stays the
   * counter's). Never more than 16 chunks in one turn of the test's event loop: a peer that reads as fast as loopback
   * carries would otherwise keep the write queue from filling and the loop writing for good (seen: the test's own
   * event loop blocked 70 s).
   */
  private static void stream(Vertx vertx, NetSocket socket) {
    boolean[] open = {true};
    socket.endHandler(ended -> open[0] = false);
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      for (int i = 0; i < 16 && open[0] && !socket.writeQueueFull(); i++) {
        socket.write(CHUNK);
      }
      if (!open[0]) {
        return;
      }
      if (socket.writeQueueFull()) {
        socket.drainHandler(drained -> pump[0].run());
      } else {
        vertx.setTimer(1, id -> pump[0].run());
      }
    };
    pump[0].run();
  }

  private static JsonObject dependency(JsonObject entry) {
    return entry.put("name", "dep").put("critical", false).put("timeout", "1s")
      .put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0);
  }

  private JsonObject hostileRun(JsonObject entry) {
    JsonObject eventLoop = new JsonObject().put("name", "event-loop").put("type", "event-loop")
      .put("maxDelay", "200ms").put("startupGrace", 0).put("successTtl", 0).put("failureTtl", 0)
      .put("tags", new JsonArray().add("liveness"));
    StandaloneVerticle verticle = result(deploy(standaloneVertx, config(eventLoop, dependency(entry))));
    int port = verticle.actualPort();
    // live before anything hostile: a fresh JVM's event loop is late while it loads classes
    until(() -> result(client.get(port, "127.0.0.1", "/health/live").send()).statusCode() == 200,
      () -> "/health/live never answered 200 before the hostile runs");
    List<Integer> live = new ArrayList<>();
    List<String> unlive = new ArrayList<>();
    JsonObject last = null;
    for (int run = 0; run < 3; run++) {
      var dependencyRun = client.get(port, "127.0.0.1", "/health/dep").send();
      for (int poll = 0; poll < 4; poll++) {
        HttpResponse<Buffer> probe = result(client.get(port, "127.0.0.1", "/health/live").send());
        live.add(probe.statusCode());
        if (probe.statusCode() != 200) {
          unlive.add(probe.bodyAsString());
        }
        result(standaloneVertx.timer(150));
      }
      HttpResponse<Buffer> answer = result(dependencyRun);
      last = Standalone.onlyResult(answer);
    }
    assertThat(live).as("/health/live during the hostile runs: %s", unlive).containsOnly(200);
    until(() -> openConnections.get() == 0, () -> openConnections + " connections left open by the check");
    return last;
  }

  private static List<String> foreignLogs(LogCapture log) {
    return log.records().stream()
      .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
      .filter(r -> r.getLoggerName() == null || !r.getLoggerName().startsWith("dev.vitals"))
      .map(LogRecord::getMessage).toList();
  }

  private static long changeLines(LogCapture log) {
    return log.messages().stream().filter(m -> m.contains("Check dep:")).count();
  }

  @Test
  void aRedisAnnouncingA2GbBulkAndStreamingFailsTheCheckAndNotLiveness(Vertx vertx) {
    int port = fakeServer(vertx, socket -> {
      socket.write("$2000000000\r\n");
      stream(vertx, socket);
    });
    try (LogCapture log = LogCapture.of("")) {
      JsonObject result = hostileRun(new JsonObject().put("type", "redis").put("uri", "redis://127.0.0.1:" + port));
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).startsWith("PING 127.0.0.1:" + port + ": ");
      assertThat(result.getDouble("response_time")).as("response_time, s").isLessThan(1.25);
      assertThat(foreignLogs(log)).as("what the client logged itself").isEmpty();
      assertThat(changeLines(log)).as("status-change lines in %s", log.messages()).isEqualTo(1);
    }
  }

  @Test
  void aRedisAnnouncingA2GbBulkThenSilentLeaksNoConnectionAndLogsOnce(Vertx vertx) {
    int port = fakeServer(vertx, socket -> socket.write(Buffer.buffer("$2000000000\r\n")
      .appendBuffer(Buffer.buffer(new byte[1024]))));
    try (LogCapture log = LogCapture.of("")) {
      JsonObject result = hostileRun(new JsonObject().put("type", "redis").put("uri", "redis://127.0.0.1:" + port));
      assertThat(result.getBoolean("passed")).isFalse();
      assertThat(result.getString("output")).startsWith("PING 127.0.0.1:" + port + ": ");
      assertThat(foreignLogs(log)).as("what the client logged itself").isEmpty();
      assertThat(changeLines(log)).as("status-change lines in %s", log.messages()).isEqualTo(1);
    }
  }

  @Test
  void aPostgresSendingA2GbMessageFailsTheCheckAndNotLiveness(Vertx vertx) {
    // 'R' (authentication request) with a length of 2 GB, then its endless body
    int port = fakeServer(vertx, socket -> {
      socket.write(Buffer.buffer().appendByte((byte) 'R').appendInt(0x7FFF_FFF0));
      stream(vertx, socket);
    });
    try (LogCapture log = LogCapture.of("")) {
      JsonObject result = hostileRun(new JsonObject().put("type", "postgres")
        .put("uri", "postgres://user:hostile-test@127.0.0.1:" + port + "/db"));
      assertThat(result.getBoolean("passed")).isFalse();
      // the dependency loop's reply budget: the client never buffers more than 1 MB of the announced 2 GB
      assertThat(result.getString("output")).contains("reply longer than 1048576 bytes");
      assertThat(result.getDouble("response_time")).as("response_time, s").isLessThan(1.25);
      assertThat(foreignLogs(log)).as("what the client logged itself").isEmpty();
      assertThat(changeLines(log)).as("status-change lines in %s", log.messages()).isEqualTo(1);
    }
  }

  @Test
  void aMySqlGreetingWithEndlessPacketsFailsTheCheckWithinTheReplyBudget(Vertx vertx) {
    // a packet header announcing 16 MB - 1 (a message continued in the next packet, endlessly), then its bytes
    int port = fakeServer(vertx, true, socket -> {
      socket.write(Buffer.buffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}));
      stream(vertx, socket);
    });
    try (LogCapture log = LogCapture.of("")) {
      JsonObject result = hostileRun(new JsonObject().put("type", "mysql")
        .put("uri", "mysql://user:hostile-test@127.0.0.1:" + port + "/db"));
      assertThat(result.getBoolean("passed")).isFalse();
      // the MySQL client words the budget's close as a lost connection; without the budget the run times out
      assertThat(result.getString("output")).startsWith("SELECT 1 on 127.0.0.1:" + port + "/db: ")
        .doesNotContain("timed out");
      assertThat(foreignLogs(log)).as("what the client logged itself").isEmpty();
      assertThat(changeLines(log)).as("status-change lines in %s", log.messages()).isEqualTo(1);
    }
  }

  @Test
  void anEndlessHttpBodyWithBodyContainsFailsTheCheckAndNotLiveness(Vertx vertx) {
    HttpServer upstream = result(vertx.createHttpServer()
      .connectionHandler(connection -> {
        openConnections.incrementAndGet();
        connection.closeHandler(closed -> openConnections.decrementAndGet());
      })
      .requestHandler(request -> {
        // 64 KB a ms, endless: the check stops at maxBodySize (the test JVM's own streaming is kept modest so that
        // the CPU it takes does not show as the standalone's event-loop lateness on a small machine)
        request.response().setChunked(true);
        long timer = vertx.setPeriodic(1, id -> {
          if (!request.response().writeQueueFull()) {
            request.response().write(CHUNK);
          }
        });
        request.response().closeHandler(closed -> vertx.cancelTimer(timer));
      })
      .listen(0, "127.0.0.1"));
    JsonObject result = hostileRun(new JsonObject().put("type", "http").put("bodyContains", "never")
      .put("maxBodySize", "256KB").put("url", "http://127.0.0.1:" + upstream.actualPort() + "/"));
    assertThat(result.getBoolean("passed")).isFalse();
    assertThat(result.getString("output")).endsWith(": body longer than 262144 bytes");
  }
}
