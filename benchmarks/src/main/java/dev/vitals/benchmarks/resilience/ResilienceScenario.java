package dev.vitals.benchmarks.resilience;

import dev.vitals.benchmarks.soak.ChildJvm;
import dev.vitals.samples.impl.StandaloneConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Issue 23's attacks against the standalone jar as shipped, one Markdown table row each: the jar in a child JVM
 * ({@code -Xmx128m -XX:+ExitOnOutOfMemoryError}, its default config plus the checks a row needs), the attackers and
 * fake dependencies in this JVM on loopback, {@code /health/live} asked by {@link Liveness} during each attack and for
 * {@value #AFTER_SECONDS} s after, and the child's live heap after a full GC before and after.
 * <ol>
 *   <li>10,000 made-up methods and 10,000 made-up paths: {@code /metrics} series before and after;</li>
 *   <li>a Redis announcing a 2 GB bulk and streaming it, a PostgreSQL sending a 2 GB {@code 'R'} message, an HTTP
 *       server with an endless body, each behind a non-critical check run again and again;</li>
 *   <li>a Redis announcing a 2 GB bulk then silent: file descriptors and established connections before and after;</li>
 *   <li>a second jar on the same fleet members without the fleet secret asking for fleet maintenance (a victim jar of
 *       its own, with the secret);</li>
 *   <li>HTTP/2 rapid reset for {@value #RESET_SECONDS} s;</li>
 *   <li>100 never-read {@code /health/events} streams from one address, 100 from 25 addresses, and 1,000 connections
 *       dribbling their request head.</li>
 * </ol>
 * Prints the section on stdout, progress on stderr.
 *
 * <pre>java -cp vitals-benchmarks.jar dev.vitals.benchmarks.resilience.ResilienceScenario JAR WORK_DIR</pre>
 */
public final class ResilienceScenario {

  static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
  static final int AFTER_SECONDS = 10;
  static final int RESET_SECONDS = 30;
  static final int DEPENDENCY_SECONDS = 10;
  static final int STREAMS_HOLD_SECONDS = 20;
  static final int DRIBBLE_SECONDS = 30;
  static final int DRIBBLERS = 1_000;
  static final long DRIBBLE_PERIOD_MS = 5_000;
  static final int MADE_UP = 10_000;
  /** The event-loop check does not judge lateness in its first 10 s (its start-up grace): no attack before. */
  static final long GRACE_MS = 11_000;
  private static final String FLEET_SECRET = "bench-fleet-s3cret-0123456789";
  private static final double MB = 1024 * 1024;

  /** What an attack did, and how to read what the standalone reported once the after-window is over. */
  record Attacked(String what, Callable<String> outcome) {
  }

  @FunctionalInterface
  interface Attack {
    Attacked run(ChildJvm child) throws Exception;
  }

  /** One table row. {@code heapAfter} is -1 when the child no longer ran. */
  record Row(String attack, String what, Liveness.Window during, Liveness.Window after, long heapBefore,
             long heapAfter, String outcome) {
  }

  private final Path jar;
  private final Path work;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
    .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private ResilienceScenario(Path jar, Path work) {
    this.jar = jar;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ResilienceScenario <vitals-samples.jar> <work folder>");
      System.exit(2);
    }
    ResilienceScenario scenario = new ResilienceScenario(Path.of(args[0]), Files.createDirectories(Path.of(args[1])));
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    scenario.run();
    System.out.print(scenario.markdown(loadBefore, loadAverage(),
      TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
    System.exit(0); // the attackers' Vert.x and Netty threads are closed; nothing else should linger
  }

  private void run() throws Exception {
    try (HostileDependencies fakes = new HostileDependencies(); SlowClients slow = new SlowClients()) {
      HostileDependencies.Fake redisStreaming = fakes.redisStreaming();
      HostileDependencies.Fake redisSilent = fakes.redisThenSilent();
      HostileDependencies.Fake postgres = fakes.postgres2Gb();
      HostileDependencies.Fake endless = fakes.endlessHttp();
      JsonObject config = new JsonObject().put("checks", StandaloneConfig.defaultChecks()
        .add(dependency("redis-stream", "redis").put("uri", "redis://127.0.0.1:" + redisStreaming.port()))
        .add(dependency("postgres-2gb", "postgres").put("uri", "postgres://u:p@127.0.0.1:" + postgres.port() + "/db"))
        .add(dependency("http-endless", "http").put("url", "http://127.0.0.1:" + endless.port() + "/")
          .put("bodyContains", "never"))
        .add(dependency("redis-silent", "redis").put("uri", "redis://127.0.0.1:" + redisSilent.port())));
      notes.add("Items 1–3, 5, 6: one jar, `-conf` `" + config.encode() + "` (the fake servers' ports vary).");
      Standalone standalone = new Standalone(config);
      try {
        measure(standalone, "1. made-up methods and paths", child -> madeUp(child));
        measure(standalone, "2. Redis: 2 GB bulk, streamed", child -> dependencyRuns(child, "redis-stream",
          "a fake Redis answering `$2000000000` and streaming zeros", redisStreaming));
        measure(standalone, "2. PostgreSQL: 2 GB `R` message", child -> dependencyRuns(child, "postgres-2gb",
          "a fake PostgreSQL answering the startup message with an `R` of 2 GB and streaming it", postgres));
        measure(standalone, "2. HTTP: endless body", child -> dependencyRuns(child, "http-endless",
          "an HTTP server answering 200 with an endless chunked body (64 KB a ms), `bodyContains`", endless));
        measure(standalone, "3. Redis: 2 GB bulk, then silence", child -> silentRedis(child, redisSilent));
        measure(standalone, "5. HTTP/2 rapid reset", child -> rapidReset(child, "127.0.0.2", 0));
        measure(standalone, "5. HTTP/2 rapid reset, 99 a connection", child -> rapidReset(child, "127.0.0.4", 99));
        measure(standalone, "5. connection churn, 3 addresses", child -> churn(child));
        measure(standalone, "6. never-read event streams, one address", child -> eventStreams(child, slow,
          List.of("127.0.0.3"), 100));
        measure(standalone, "6. never-read event streams, 25 addresses", child -> eventStreams(child, slow,
          IntStream.rangeClosed(1, 25).mapToObj(i -> "127.0.1." + i).toList(), 4));
        measure(standalone, "6. dribbled request heads", child -> dribble(child, slow));
      } finally {
        standalone.close();
      }
    }
    fleet();
    rows.sort(Comparator.comparing(row -> row.attack().substring(0, 1)));
  }

  /** A non-critical dependency check whose every request runs it: TTLs and staleness 0, the default timeout (2 s). */
  private static JsonObject dependency(String name, String type) {
    return new JsonObject().put("name", name).put("type", type).put("critical", false)
      .put("successTtl", 0).put("failureTtl", 0).put("maxStale", 0);
  }

  /** The jar the rows of items 1–3, 5 and 6 attack; started again (and noted) if a row left it dead. */
  private final class Standalone implements AutoCloseable {
    private final JsonObject config;
    private ChildJvm child;
    private int starts;

    Standalone(JsonObject config) {
      this.config = config;
    }

    ChildJvm current() throws IOException, InterruptedException {
      if (child == null || !child.isAlive()) {
        if (child != null) {
          notes.add("The jar was dead after a row and was started again before the next one.");
        }
        starts++;
        child = startLive(Map.of("VITALS_HTTP_PORT", "0"), "standalone-" + starts, config);
      }
      return child;
    }

    @Override
    public void close() {
      if (child != null) {
        child.close();
      }
    }
  }

  /** Starts the jar and returns once its start-up grace is over and {@code /health/live} answers 200. */
  private ChildJvm startLive(Map<String, String> env, String name, JsonObject config)
    throws IOException, InterruptedException {
    long started = System.nanoTime();
    ChildJvm child = ChildJvm.start(jar, JVM_OPTIONS, env, work.resolve(name + ".log"), "-conf", config.encode());
    long graceLeft = GRACE_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    Thread.sleep(Math.max(0, graceLeft));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (get(child.port(), "/health/live").statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": /health/live never answered 200: " + child.log());
      }
      Thread.sleep(200);
    }
    return child;
  }

  private void measure(Standalone standalone, String attack, Attack run) throws Exception {
    measure(standalone.current(), attack, run);
  }

  private void measure(ChildJvm child, String attack, Attack run) throws Exception {
    System.err.println("resilience: " + attack);
    long heapBefore = child.heapAfterFullGc();
    int logBefore = child.log().length();
    double cpuBefore = child.cpuSeconds();
    long started = System.nanoTime();
    Attacked attacked;
    Liveness.Window during;
    Liveness.Window after;
    double attackSeconds;
    double attackCpu;
    try (Liveness probe = Liveness.start(child.port())) {
      attacked = run.run(child);
      during = probe.cut();
      attackSeconds = (System.nanoTime() - started) / 1e9;
      attackCpu = child.isAlive() ? child.cpuSeconds() - cpuBefore : Double.NaN;
      Thread.sleep(TimeUnit.SECONDS.toMillis(AFTER_SECONDS));
      after = probe.cut();
    }
    String outcome = child.isAlive() ? attacked.outcome().call() : "**the jar exited**";
    String logged = child.log().substring(logBefore);
    long lines = logged.lines().count();
    outcome += String.format(Locale.ROOT, "; CPU of the jar during the attack: %.1f s in %.1f s; log: %s", attackCpu,
      attackSeconds, lines == 0 ? "nothing"
      : String.format(Locale.ROOT, "%,d lines, %,d bytes", lines, logged.length()));
    long heapAfter = child.isAlive() ? child.heapAfterFullGc() : -1;
    Row row = new Row(attack, attacked.what(), during, after, heapBefore, heapAfter, outcome);
    System.err.printf(Locale.ROOT, "resilience:   live %s during, %s after; heap %,d → %,d bytes; %s%n",
      during.summary(), after.summary(), heapBefore, heapAfter, outcome);
    rows.add(row);
  }

  private Attacked madeUp(ChildJvm child) throws Exception {
    int port = child.port();
    MadeUpRequests.send(port, "127.0.0.5", 1); // the series any such request may add, once
    String before = get(port, "/metrics").body();
    int answers = MadeUpRequests.send(port, "127.0.0.5", MADE_UP);
    return new Attacked(String.format(Locale.ROOT, "%,d requests `M<n> /health/live` and %,d `GET /no/such/path/<n>`"
        + " pipelined on one connection from 127.0.0.5; %,d answers read", MADE_UP, MADE_UP, answers),
      () -> {
        String after = get(port, "/metrics").body();
        return String.format(Locale.ROOT, "`/metrics` series %,d → %,d (`vertx_http_server_*` %,d → %,d), %,d → %,d"
            + " bytes", series(before, ""), series(after, ""), series(before, "vertx_http_server_"),
          series(after, "vertx_http_server_"), before.length(), after.length());
      });
  }

  private static long series(String exposition, String prefix) {
    return exposition.lines().filter(line -> !line.isEmpty() && !line.startsWith("#") && line.startsWith(prefix))
      .count();
  }

  /** The outcome of {@value #DEPENDENCY_SECONDS} s of runs of one check, asked one after another. */
  private record Runs(int runs, int failed, Map<Integer, Integer> codes, double worstResponseTime, String output) {
    String summary() {
      return String.format(Locale.ROOT, "failed %d/%d runs, `/health/<check>` codes %s, `response_time` ≤ %.2f s, "
        + "output %s", failed, runs, codes, worstResponseTime, code(output));
    }
  }

  private Runs runs(int port, String check) {
    int runs = 0;
    int failed = 0;
    Map<Integer, Integer> codes = new TreeMap<>();
    double worst = 0;
    String output = "";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEPENDENCY_SECONDS);
    while (System.nanoTime() < end) {
      HttpResponse<String> answer = get(port, "/health/" + check);
      runs++;
      codes.merge(answer.statusCode(), 1, Integer::sum);
      JsonArray results = answer.body().startsWith("{") ? new JsonObject(answer.body()).getJsonArray("results") : null;
      if (results == null || results.isEmpty()) { // refused (for load, say): no run to read
        failed++;
        output = answer.body();
        continue;
      }
      JsonObject result = results.getJsonObject(0);
      if (!result.getBoolean("passed")) {
        failed++;
      }
      worst = Math.max(worst, result.getDouble("response_time", 0.0));
      output = result.getString("output", "");
    }
    return new Runs(runs, failed, codes, worst, output);
  }

  private Attacked dependencyRuns(ChildJvm child, String check, String fake, HostileDependencies.Fake server) {
    Runs runs = runs(child.port(), check);
    return new Attacked(String.format(Locale.ROOT, "%s; `GET /health/%s` %d times in %d s, one after another",
      fake, check, runs.runs(), DEPENDENCY_SECONDS),
      () -> runs.summary() + "; " + fakeSummary(server));
  }

  private static String fakeSummary(HostileDependencies.Fake server) {
    return String.format(Locale.ROOT, "fake: %,d connections, %,.1f MB written to them, %d open after",
      server.connections().get(), server.bytes().get() / MB, server.open().get());
  }

  private Attacked silentRedis(ChildJvm child, HostileDependencies.Fake server) {
    int fds = child.fileDescriptors();
    int established = child.establishedConnections();
    Runs runs = runs(child.port(), "redis-silent");
    return new Attacked(String.format(Locale.ROOT, "a fake Redis answering `$2000000000` and 1 KB, then silent; "
        + "`GET /health/redis-silent` %d times in %d s, one after another", runs.runs(), DEPENDENCY_SECONDS),
      () -> String.format(Locale.ROOT, "fds %d → %d, established connections %d → %d; %s; %s", fds,
        child.fileDescriptors(), established, child.establishedConnections(), runs.summary(), fakeSummary(server)));
  }

  private Attacked rapidReset(ChildJvm child, String from, int perConnection) throws InterruptedException {
    RapidReset.Result result = RapidReset.run(child.port(), from, Duration.ofSeconds(RESET_SECONDS), perConnection);
    return new Attacked(String.format(Locale.ROOT, "HEADERS + RST_STREAM from %s for %d s, reconnecting as "
        + "soon as a connection closed%s: %,d connections (%,d refused), %,d streams sent", from, RESET_SECONDS,
      perConnection == 0 ? "" : " (the attacker closing each after " + perConnection + ", below the per-connection "
        + "limit)", result.connections(), result.refused(), result.sent()),
      () -> String.format(Locale.ROOT, "first connection: %s; in all %,d streams handled (%.1f a connection), "
          + "GOAWAY %s", result.first(), result.handled(), (double) result.handled() / Math.max(1, result.connections()),
        result.goAways()));
  }

  private Attacked eventStreams(ChildJvm child, SlowClients slow, List<String> addresses, int perAddress)
    throws InterruptedException {
    int port = child.port();
    SlowClients.Streams streams = slow.neverReadEventStreams(port, addresses, perAddress);
    String reader = SlowClients.readingClientStatus(port);
    Thread.sleep(TimeUnit.SECONDS.toMillis(STREAMS_HOLD_SECONDS));
    int closed = streams.closedSoFar().get();
    slow.closeAll();
    String from = addresses.size() == 1 ? "from " + addresses.get(0) : String.format(Locale.ROOT,
      "%d from each of %d addresses (%s–%s)", perAddress, addresses.size(), addresses.get(0),
      addresses.get(addresses.size() - 1));
    return new Attacked(String.format(Locale.ROOT, "%d `GET /health/events` %s, read to the status line, then never "
        + "read; held %d s", addresses.size() * perAddress, from, STREAMS_HOLD_SECONDS),
      () -> String.format(Locale.ROOT, "streams answered %s; a reading client at 127.0.0.1 meanwhile: %s; closed by "
        + "the server while held: %d", streams.statuses(), code(reader), closed));
  }

  /**
   * Three threads, each from an address of its own, connect, send {@code GET /health/live} and close without reading,
   * as fast as they can (review of issue 23: this piled up accepted connections until a 128 MB heap was gone).
   */
  private Attacked churn(ChildJvm child) throws InterruptedException {
    List<String> from = List.of("127.0.0.6", "127.0.0.7", "127.0.0.8");
    java.util.concurrent.atomic.AtomicLong made = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESET_SECONDS);
    byte[] request = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    List<Thread> threads = from.stream().map(address -> new Thread(() -> {
      while (System.nanoTime() < end) {
        try (java.net.Socket socket = new java.net.Socket()) {
          socket.bind(new java.net.InetSocketAddress(address, 0));
          socket.connect(new java.net.InetSocketAddress("127.0.0.1", child.port()), 2_000);
          socket.getOutputStream().write(request);
          made.incrementAndGet();
        } catch (java.io.IOException e) {
          failed.incrementAndGet();
        }
      }
    }, "churn-" + address)).toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    return new Attacked(String.format(Locale.ROOT, "from %s, each connecting, sending `GET /health/live` and closing "
        + "unread, as fast as it can for %d s: %,d connections, %,d failed", String.join(", ", from), RESET_SECONDS,
      made.get(), failed.get()),
      () -> String.format(Locale.ROOT, "fds after: %d, established connections after: %d", child.fileDescriptors(),
        child.establishedConnections()));
  }

  private Attacked dribble(ChildJvm child, SlowClients slow) throws InterruptedException {
    SlowClients.Dribble dribble = slow.dribble(child.port(), "127.0.0.4", DRIBBLERS, DRIBBLE_PERIOD_MS);
    Thread.sleep(TimeUnit.SECONDS.toMillis(DRIBBLE_SECONDS));
    int closed = dribble.closed().get();
    long firstClose = dribble.firstCloseMs().get();
    long answered = dribble.answered().get();
    slow.closeAll();
    return new Attacked(String.format(Locale.ROOT, "%,d connections from 127.0.0.4 sending `GET /health/live` and "
        + "`Host`, then a header value one byte every %d s, for %d s", dribble.opened(), DRIBBLE_PERIOD_MS / 1000,
      DRIBBLE_SECONDS),
      () -> String.format(Locale.ROOT, "closed by the server within %d s: %,d/%,d%s; bytes answered on them: %,d",
        DRIBBLE_SECONDS, closed, dribble.opened(), firstClose < 0 ? "" : " (the first after " + firstClose + " ms)",
        answered));
  }

  /**
   * Item 4: a victim jar with the fleet secret, then a rogue jar on the same members without it that asks for fleet
   * maintenance with an admin token of its own.
   */
  private void fleet() throws Exception {
    int victimPort = freePort();
    int roguePort = freePort();
    JsonArray members = new JsonArray().add("127.0.0.1:" + victimPort).add("127.0.0.1:" + roguePort);
    JsonObject victimConfig = fleetConfig("fleet-admin", victimPort, members);
    // the attacker's own jar need not drain its requests for 5 s when it stops
    JsonObject rogueConfig = fleetConfig("rogue-admin", roguePort, members)
      .put("shutdown", new JsonObject().put("drainDelay", 0));
    notes.add("Item 4: the victim jar with `VITALS_FLEET_SECRET` and `-conf` `" + victimConfig.encode()
      + "`; the rogue jar (same JVM options) without the secret and `-conf` `" + rogueConfig.encode() + "`.");
    long started = System.nanoTime();
    ChildJvm victim;
    try {
      victim = startLive(Map.of("VITALS_HTTP_PORT", "0", "VITALS_FLEET_SECRET", FLEET_SECRET), "fleet-victim",
        victimConfig);
    } catch (IllegalStateException e) {
      notes.add("Item 4 left out: the victim jar did not start with its fleet on loopback: " + e.getMessage()
        .lines().findFirst().orElse(""));
      return;
    }
    try {
      long victimSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      measure(victim, "4. rogue fleet member without the secret", child -> {
        long rogueStarted = System.nanoTime();
        HttpResponse<String> maintenance;
        try (ChildJvm rogue = ChildJvm.start(jar, JVM_OPTIONS, Map.of("VITALS_HTTP_PORT", "0"),
          work.resolve("fleet-rogue.log"), "-conf", rogueConfig.encode())) {
          maintenance = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rogue.port()
              + "/status/maintenance?scope=fleet")).header("Authorization", "Bearer rogue-admin")
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\": \"pwned by rogue\"}")));
        }
        long rogueSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - rogueStarted);
        return new Attacked(String.format(Locale.ROOT, "a second jar on the same members (127.0.0.1) without the "
            + "secret, admin token of its own, up in %d s (the victim's start took %d s): `PUT "
            + "/status/maintenance?scope=fleet` → %d %s", rogueSeconds, victimSeconds, maintenance.statusCode(),
          code(maintenance.body())),
          () -> {
            JsonObject status = new JsonObject(get(child.port(), "/status").body());
            JsonObject fleet = new JsonObject(get(child.port(), "/health/fleet").body());
            List<String> refusedJoins = child.log().lines().filter(line -> line.contains("invalid join request"))
              .map(line -> line.replaceFirst(".*invalid join request from ", "")).toList();
            return String.format(Locale.ROOT, "victim: `/status` %s, `/health/ready` %d, `/health/fleet` total %s"
                + "%s, `vitals_fleet_rejected_messages_total` %s; Hazelcast logged %d invalid join request(s)%s",
              status.getString("status"),
              get(child.port(), "/health/ready").statusCode(), fleet.getValue("total"),
              fleet.encode().contains("pwned") ? " **showing the rogue's reason**" : "",
              metric(get(child.port(), "/metrics").body(), "vitals_fleet_rejected_messages_total"),
              refusedJoins.size(), refusedJoins.isEmpty() ? "" : ", the first from " + refusedJoins.get(0));
          });
      });
    } finally {
      victim.close();
    }
  }

  private static JsonObject fleetConfig(String token, int hazelcastPort, JsonArray members) {
    return new JsonObject().put("admin", new JsonObject().put("token", token))
      .put("fleet", new JsonObject().put("publishPeriod", "2s")
        .put("cluster", new JsonObject().put("port", hazelcastPort).put("members", members)));
  }

  /** @return the sum of a meter's samples in a Prometheus exposition, or {@code absent} */
  private static String metric(String exposition, String name) {
    List<Double> values = exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
      .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
    return values.isEmpty() ? "absent" : String.format(Locale.ROOT, "%.0f",
      values.stream().mapToDouble(Double::doubleValue).sum());
  }

  private String markdown(String loadBefore, String loadAfter, long seconds) {
    StringBuilder md = new StringBuilder("## Hostile clients and dependencies (issue 23)\n\n");
    md.append("Produced by `dev.vitals.benchmarks.resilience.ResilienceScenario` (run by `benchmarks/run.sh`; "
      + "`benchmarks/resilience.sh` runs it alone). The jar as shipped in a child JVM: `java -Xmx128m "
      + "-XX:+ExitOnOutOfMemoryError -jar samples/target/vitals-samples.jar -conf <config>` with "
      + "`VITALS_HTTP_PORT=0`; its config is the default (no other key) but `checks`: the default three (disk-space; "
      + "heap and event-loop, tagged liveness) and four non-critical dependency checks against this scenario's fake "
      + "servers, with TTLs 0 and `maxStale` 0 so that every request runs them (default timeout, 2 s). The attackers "
      + "and the fakes run in the scenario's JVM on loopback, each client from a 127.0.0.x address of its own. "
      + "Liveness: `GET /health/live` from 127.0.0.1 on a fresh connection, " + Liveness.PERIOD_MS + " ms after "
      + "each answer, " + Liveness.TIMEOUT_MS / 1000 + " s timeout (`none`: no answer), during the attack and for "
      + AFTER_SECONDS + " s after; no attack starts within the event-loop check's 10 s start-up grace. Heap: live "
      + "bytes after a full GC (`jcmd GC.class_histogram`) before the attack and after those " + AFTER_SECONDS
      + " s. The last column ends with the jar's CPU time (user and system, `/proc/<pid>/stat`) while the attack ran "
      + "and the lines it logged meanwhile.\n\n");
    md.append("| attack (item) | what the attacker did | `/health/live` 200 during | 200 in the " + AFTER_SECONDS
      + " s after | live heap before → after | what the standalone reported |\n|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f → %s MB | %s |%n", row.attack(),
        row.what(), row.during().summary(), row.after().summary(), row.heapBefore() / MB,
        row.heapAfter() < 0 ? "(exited)" : String.format(Locale.ROOT, "%.1f", row.heapAfter() / MB), row.outcome()));
    }
    md.append('\n');
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
    md.append(String.format(Locale.ROOT, "- %d s in all; load average (1, 5, 15 min) before %s, after %s, on %d "
      + "cores shared by the jar, the attackers and the fakes.%n", seconds, loadBefore, loadAfter,
      Runtime.getRuntime().availableProcessors()));
    return md.toString();
  }

  private static String code(String text) {
    String oneLine = text.replace('\n', ' ').replace("|", "\\|").replace("`", "'");
    return "`" + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine) + "`";
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private HttpResponse<String> get(int port, String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
