package dev.vitals.benchmarks;

import dev.vitals.samples.StandaloneVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "hostile" scenario: issue 13's reproductions, under load, against the standalone verticle with its
 * default limits (in this JVM, on loopback), printed as a Markdown section on stdout.
 * <ol>
 *   <li>Starvation: 1,030 connections send only the headers of {@code PUT /status/maintenance} without a token,
 *       and 1,030 more with the token and half a body, and hold them while {@code /health/live} is probed.</li>
 *   <li>Memory: a webhook that never answers, and a passive check flapped 3,000 times by heartbeats with 60 KB
 *       outputs; heap used after a full GC before and after.</li>
 *   <li>Nesting: heartbeat records whose {@code args} is 5,000 {@code [}.</li>
 *   <li>Flood: 2,000 {@code GET /environment}, 64 at a time; then the event-loop check.</li>
 * </ol>
 * Run: {@code java -cp vitals-benchmarks.jar dev.vitals.benchmarks.HostileScenario}.
 */
public final class HostileScenario {

  private static final String TOKEN = "bench-admin-token";
  private static final int HALF_SENT = 1_030;
  private static final int PROBES = 200;
  private static final int FLAPS = 3_000;

  private HostileScenario() {
  }

  public static void main(String[] args) throws Exception {
    Vertx server = Vertx.vertx();
    Vertx attacker = Vertx.vertx();
    try {
      System.out.print(run(server, attacker));
    } finally {
      await(attacker.close());
      await(server.close());
    }
  }

  static String run(Vertx server, Vertx attacker) throws Exception {
    HttpServer hungHook = await(attacker.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1"));
    JsonObject config = new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("admin", new JsonObject().put("token", TOKEN))
      .put("checks", new JsonArray()
        .add(new JsonObject().put("name", "heap").put("type", "heap").put("tags", new JsonArray().add("liveness")))
        .add(new JsonObject().put("name", "event-loop").put("type", "event-loop")
          .put("tags", new JsonArray().add("liveness")))
        .add(new JsonObject().put("name", "flapper").put("type", "passive")))
      .put("notifications", new JsonObject().put("webhooks", new JsonArray().add(new JsonObject()
        .put("url", "http://127.0.0.1:" + hungHook.actualPort() + "/hook").put("timeout", "60s")
        .put("minInterval", 0))))
      .put("shutdown", new JsonObject().put("drainDelay", 0));
    StandaloneVerticle verticle = new StandaloneVerticle(Map.of());
    await(server.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    int port = verticle.actualPort();
    WebClient client = WebClient.create(attacker, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(port), new PoolOptions().setHttp1MaxSize(64));
    NetClient net = attacker.createNetClient(new NetClientOptions());
    StringBuilder md = new StringBuilder("## Hostile clients (issue 13)\n\n");
    md.append("Produced by `dev.vitals.benchmarks.HostileScenario` (run by `benchmarks/run.sh`): the standalone "
      + "verticle with its default limits (`http.maxInFlight` 1024, `http.requestTimeout` 30 s, "
      + "`http.idleTimeout` 60 s) and an admin token, attacked from the same JVM on loopback.\n\n");
    md.append("| case | what was sent | answers | heap used after GC |\n|---|---|---|--:|\n");
    long baseline = heapAfterGc();

    // 1. Starvation.
    List<NetSocket> held = new ArrayList<>();
    AtomicInteger closedNoToken = new AtomicInteger();
    String noToken = "PUT /status/maintenance HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n";
    String halfBody = "PUT /status/maintenance HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
      + "\r\nContent-Length: 60000\r\n\r\n{\"reason\": \"";
    for (int i = 0; i < 2 * HALF_SENT; i += 100) {
      List<Future<NetSocket>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(i + 100, 2 * HALF_SENT); j++) {
        boolean tokened = j >= HALF_SENT;
        batch.add(net.connect(port, "127.0.0.1").onSuccess(socket -> {
          if (!tokened) {
            socket.closeHandler(v -> closedNoToken.incrementAndGet());
          }
          socket.write(tokened ? halfBody : noToken);
        }));
      }
      await(Future.all(batch));
      batch.forEach(connected -> held.add(connected.result()));
    }
    await(attacker.timer(500));
    int answered = 0;
    int refusedForLoad = 0;
    Map<Integer, Integer> codes = new java.util.TreeMap<>();
    for (int i = 0; i < PROBES; i++) {
      var response = await(client.get("/health/live").send());
      answered++;
      codes.merge(response.statusCode(), 1, Integer::sum);
      if (response.bodyAsString().contains("Too many requests")) {
        refusedForLoad++;
      }
    }
    int status = await(client.get("/status").send()).statusCode();
    long heldHeap = heapAfterGc();
    md.append(String.format(Locale.ROOT, "| starvation | %,d half-sent `PUT /status/maintenance` without a token, "
        + "%,d with the token and half a body, held; then %d × `GET /health/live` | liveness answered %d/%d "
        + "(codes %s), refused for load: %d; the untokened ones answered 401 and closed: %,d/%,d; `/status` "
        + "while held: %d (its budget is the one held) | %s |\n",
      HALF_SENT, HALF_SENT, PROBES, answered, PROBES, codes, refusedForLoad, closedNoToken.get(), HALF_SENT,
      status, mib(heldHeap)));
    held.forEach(NetSocket::close);
    await(attacker.timer(200));

    // 2. Memory: a hung webhook and a flapping passive check with 60 KB outputs.
    String big = "x".repeat(60_000);
    long before = heapAfterGc();
    int accepted = 0;
    for (int i = 0; i < FLAPS; i++) {
      JsonObject report = new JsonObject().put("status", i % 2 == 0 ? "fail" : "pass").put("output", big + i);
      if (await(client.post("/health/heartbeat/flapper").bearerTokenAuthentication(TOKEN)
        .sendJsonObject(report)).statusCode() == 200) {
        accepted++;
      }
    }
    await(attacker.timer(200));
    long after = heapAfterGc();
    int liveAfter = await(client.get("/health/live").send()).statusCode();
    String liveOutcome = await(client.get("/health/live").send()).bodyAsJsonObject().getString("outcome");
    md.append(String.format(Locale.ROOT, "| webhook queue | %,d heartbeats flapping a passive check, 60 KB outputs, "
        + "to a webhook that never answers | %,d/%,d accepted; `/health/live` after: %d (%s) | %s before, %s after |\n",
      FLAPS, accepted, FLAPS, liveAfter, liveOutcome, mib(before), mib(after)));

    // 3. Nesting.
    int refused = 0;
    String deep = "msg=%25s&levelno=40&args=" + "%5B".repeat(5_000);
    for (int i = 0; i < 200; i++) {
      if (await(client.post("/health/heartbeat/flapper").bearerTokenAuthentication(TOKEN)
        .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(deep)))
        .statusCode() == 400) {
        refused++;
      }
    }
    md.append(String.format(Locale.ROOT, "| nesting | 200 heartbeat records whose `args` is 5,000 `[` | %d/200 "
      + "answered 400 | %s |\n", refused, mib(heapAfterGc())));

    // 4. Flood of /environment.
    AtomicInteger ok = new AtomicInteger();
    List<Future<?>> wave = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      wave.add(client.get("/environment").send().onSuccess(r -> {
        if (r.statusCode() == 200) {
          ok.incrementAndGet();
        }
      }));
      if (wave.size() == 64) {
        await(Future.join(wave));
        wave.clear();
      }
    }
    await(Future.join(wave));
    JsonObject loop = await(client.get("/health/event-loop").send()).bodyAsJsonObject();
    boolean loopPassed = loop.getJsonArray("results").getJsonObject(0).getBoolean("passed");
    md.append(String.format(Locale.ROOT, "| flood | 2,000 `GET /environment`, 64 at a time | %,d/2,000 200; "
      + "event-loop check after: %s | %s |\n", ok.get(), loopPassed ? "passing" : "failing", mib(heapAfterGc())));
    md.append(String.format(Locale.ROOT, "\nHeap used after a full GC before any attack: %s. Figures are heap "
      + "used by both sides (one JVM). A 503 on `/health/live` that is not a refusal for load is the liveness "
      + "checks' own verdict: on a machine this loaded the event-loop check (200 ms) may see the attack's "
      + "connection storm.\n", mib(baseline)));
    client.close();
    await(net.close());
    await(server.undeploy(server.deploymentIDs().iterator().next()));
    return md.toString();
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
