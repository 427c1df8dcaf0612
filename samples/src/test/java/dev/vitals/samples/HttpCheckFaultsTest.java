package dev.vitals.samples;

import dev.vitals.health.StatusEvents;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.vitals.samples.Standalone.await;
import static dev.vitals.samples.Standalone.config;
import static dev.vitals.samples.Standalone.deploy;
import static org.assertj.core.api.Assertions.assertThat;

/** An http check against an upstream that misbehaves: endless bodies, secrets in its URL. */
@ExtendWith(VertxExtension.class)
class HttpCheckFaultsTest {

  private final AtomicInteger openConnections = new AtomicInteger();
  private volatile boolean streaming = true;
  private HttpServer upstream;
  private WebClient client;

  /** Streams an endless 200 body while {@code streaming}, answers 200 at once after; counts open connections. */
  @BeforeEach
  void startUpstream(Vertx vertx) {
    client = WebClient.create(vertx);
    upstream = await(vertx.createHttpServer()
      .connectionHandler(connection -> {
        openConnections.incrementAndGet();
        connection.closeHandler(closed -> openConnections.decrementAndGet());
      })
      .requestHandler(request -> {
        if (request.path().startsWith("/status/")) {
          request.response().setStatusCode(Integer.parseInt(request.path().substring(8))).end();
        } else if (!streaming) {
          request.response().end("ok");
        } else {
          request.response().setChunked(true).write("[");
          long timer = vertx.setPeriodic(5, id -> request.response().write("0,"));
          request.response().closeHandler(closed -> vertx.cancelTimer(timer));
        }
      })
      .listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + upstream.actualPort() + path;
  }

  private static JsonObject check(String url) {
    return new JsonObject().put("name", "api").put("type", "http").put("url", url).put("timeout", "200ms")
      .put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0);
  }

  @Test
  void anEndlessBodyNeverPinsAConnectionAndTheCheckPassesOnceTheUpstreamRecovers(Vertx vertx) {
    StandaloneVerticle verticle = await(deploy(vertx, config(check(url("/stream")))));
    int port = verticle.actualPort();
    for (int i = 0; i < 8; i++) {
      await(client.get(port, "127.0.0.1", "/health/api").send());
    }
    for (int i = 0; i < 500 && openConnections.get() > 0; i++) {
      await(vertx.timer(10)); // the runs' timers reset what they left streaming
    }
    assertThat(openConnections).as("no connection left pinned by a timed-out run").hasValue(0);
    streaming = false;
    JsonObject result = Standalone.onlyResult(await(client.get(port, "127.0.0.1", "/health/api").send()));
    assertThat(result.getBoolean("passed")).isTrue();
    assertThat(result.getString("output")).endsWith(": 200");
  }

  @Test
  void aSecretQueryParameterIsMaskedInEveryFormatEventAndLog(Vertx vertx) {
    List<String> seen = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(StatusEvents.ADDRESS, message -> seen.add(message.body().encode()));
    Logger root = Logger.getLogger("");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        seen.add(String.valueOf(record.getMessage()));
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    root.addHandler(capture);
    try {
      StandaloneVerticle verticle = await(deploy(vertx, config(check(url("/status/500?region=eu&api_key=SECRET-1")),
        check(url("/nowhere?access_token=SECRET-2")).put("name", "other").put("url",
          "http://127.0.0.1:" + Standalone.closedPortUnchecked() + "/x?access_token=SECRET-2"))));
      int port = verticle.actualPort();
      for (String format : List.of("vitals", "vertx", "health+json")) {
        seen.add(await(client.get(port, "127.0.0.1", "/health?format=" + format).send()).bodyAsString());
      }
      seen.add(await(client.get(port, "127.0.0.1", "/environment").send()).bodyAsString());
      await(vertx.timer(50)); // the events of the first runs
      assertThat(String.join("\n", seen)).contains("region=eu", "api_key=********", "access_token=********")
        .doesNotContain("SECRET-1", "SECRET-2");
    } finally {
      root.removeHandler(capture);
    }
  }
}
