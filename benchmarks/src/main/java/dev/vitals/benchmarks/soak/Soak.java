package dev.vitals.benchmarks.soak;

import dev.vitals.samples.impl.StandaloneConfig;
import dev.vitals.health.CheckRegistryOptions;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The soak: the standalone jar as shipped, on a small heap, under a mix of ordinary traffic for a bounded time.
 * wrk cycles through {@link #PATHS} in rounds of equal length while Server-Sent Events streams stay open and gRPC
 * {@code Check} calls loop beside it; after each round the child runs a full GC and its heap, threads and file
 * descriptors are read. A baseline is read after a warm-up round that runs the same mix.
 */
public final class Soak {

  /**
   * The HTTP mix, cycled through by every wrk connection: the probes most, {@code /metrics} (a scrape is the
   * heaviest answer) least.
   */
  public static final List<String> PATHS = List.of(
    "/health", "/health/live", "/health/ready", "/status", "/health", "/health/history", "/health/live",
    "/health/ready", "/health", "/status", "/health/ui", "/health/live", "/health", "/metrics");

  /**
   * How far the heap after a full GC may end above the baseline, in bytes (4 MiB): the history of each check and
   * the event buffer fill up to their bounds while the soak runs.
   */
  public static final long HEAP_SLACK_BYTES = 4L * 1024 * 1024;

  /**
   * SSE streams the soak holds open: as many as the standalone lets one client address have
   * ({@code history.maxStreamsPerClient}, default 4); the soak's clients all come from 127.0.0.1.
   */
  public static final int STREAMS = HistoryRoutesOptions.DEFAULT_MAX_STREAMS_PER_CLIENT;

  /**
   * What to run.
   *
   * @param jar          the standalone jar
   * @param heap         the child's {@code -Xmx} value, such as {@code 128m}
   * @param warmupSeconds the warm-up round, before the baseline
   * @param rounds       measured rounds
   * @param roundSeconds length of each measured round, in s
   * @param connections  wrk's keep-alive connections (over 2 threads)
   * @param streams      SSE streams held open on {@code /health/events}
   * @param grpcLoops    concurrent gRPC Check loops
   * @param workDir      where the config, the wrk script and the child's log go
   */
  public record Settings(Path jar, String heap, int warmupSeconds, int rounds, int roundSeconds, int connections,
                         int streams, int grpcLoops, Path workDir) {
  }

  /**
   * The child as read after a round: full GC first.
   *
   * @param atSeconds   seconds since the measured rounds began, at the end of the round
   * @param rate        requests per second wrk saw in the round (0 for the baseline)
   * @param heapAfterGc heap in use after a full GC, in bytes
   * @param threads     live threads by name without their number, each with its count
   * @param fds         open file descriptors
   */
  public record Sample(double atSeconds, double rate, long heapAfterGc, Map<String, Integer> threads, int fds) {

    /** @return live threads */
    public int threadCount() {
      return threads.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f s: %.0f req/s, heap after GC %,d bytes, %d threads, %d fds", atSeconds,
        rate, heapAfterGc, threadCount(), fds);
    }
  }

  /**
   * Thread pools of the standalone that start a thread per task until they reach their size, even with idle
   * threads (a {@code ThreadPoolExecutor} below its core size), each with that size: Vert.x's internal blocking
   * pool (file system calls, such as the disk-space check's every 27 s) and worker pool at their defaults, the
   * registry's pool of blocking checks at its default. Filling up to it is no leak.
   */
  public static final Map<String, Integer> POOLS = Map.of(
    "vert.x-internal-blocking-", VertxOptions.DEFAULT_INTERNAL_BLOCKING_POOL_SIZE,
    "vert.x-worker-thread-", VertxOptions.DEFAULT_WORKER_POOL_SIZE,
    CheckRegistryOptions.BLOCKING_POOL_NAME + "-", CheckRegistryOptions.DEFAULT_BLOCKING_POOL_SIZE);

  /**
   * What the soak saw.
   *
   * @param baseline     the child after the warm-up round
   * @param rounds       the child after each measured round
   * @param requests     HTTP requests answered in the measured rounds
   * @param non2xx       HTTP answers other than 2xx/3xx
   * @param socketErrors wrk's connect, read, write errors and timeouts (5 s)
   * @param grpcCalls    gRPC Check calls answered
   * @param grpcErrors   gRPC Check calls failed or not SERVING
   * @param firstGrpcError what went wrong with the first of them, or {@code null}
   * @param sseChunks    SSE chunks received
   * @param sseErrors    SSE streams refused or ended by the server
   * @param log          the child's log
   */
  public record Report(Sample baseline, List<Sample> rounds, long requests, long non2xx, long socketErrors,
                       long grpcCalls, long grpcErrors, String firstGrpcError, long sseChunks, long sseErrors, String log) {

    /** @return the mean rate of the first tenth of the rounds (at least one round) */
    public double firstTenthRate() {
      return rounds.subList(0, tenth()).stream().mapToDouble(Sample::rate).average().orElse(0);
    }

    /** @return the mean rate of the last tenth of the rounds (at least one round) */
    public double lastTenthRate() {
      return rounds.subList(rounds.size() - tenth(), rounds.size()).stream().mapToDouble(Sample::rate).average()
        .orElse(0);
    }

    private int tenth() {
      return Math.max(1, rounds.size() / 10);
    }

    /** @return the last round's sample */
    public Sample end() {
      return rounds.get(rounds.size() - 1);
    }

    /**
     * @return the threads, by name, more numerous at the end than at the baseline: for a {@linkplain #POOLS pool},
     *         more than its size; empty when none grew
     */
    public Map<String, Integer> grownThreads() {
      Map<String, Integer> grown = new TreeMap<>();
      end().threads().forEach((name, count) -> {
        int bound = Math.max(baseline.threads().getOrDefault(name, 0), POOLS.getOrDefault(name, 0));
        if (count > bound) {
          grown.put(name, count);
        }
      });
      return grown;
    }
  }

  private Soak() {
  }

  /**
   * @param settings what to run
   * @param progress told each sample as it is read
   * @return what the soak saw; a child that dies ends the soak early with the rounds it completed
   */
  public static Report run(Settings settings, Consumer<Sample> progress) throws IOException {
    int port = freePort();
    Wrk wrk = new Wrk(settings.workDir(), 2, settings.connections());
    try (ChildJvm child = ChildJvm.start(settings.jar(), List.of("-Xmx" + settings.heap()),
      Map.of("VITALS_HTTP_PORT", Integer.toString(port)), settings.workDir().resolve("standalone.log"),
      "-conf", config(port).encode());
         SideLoad side = new SideLoad(port, settings.streams(), settings.grpcLoops())) {
      wrk.run(port, settings.warmupSeconds(), PATHS);
      Sample baseline = sample(child, 0, 0);
      progress.accept(baseline);
      List<Sample> rounds = new ArrayList<>();
      long requests = 0;
      long non2xx = 0;
      long socketErrors = 0;
      long started = System.nanoTime();
      for (int i = 0; i < settings.rounds() && child.isAlive(); i++) {
        Wrk.Run run = wrk.run(port, settings.roundSeconds(), PATHS);
        requests += run.requests();
        non2xx += run.non2xx();
        socketErrors += run.socketErrors();
        if (!child.isAlive()) {
          break;
        }
        Sample sample = sample(child, (System.nanoTime() - started) / 1e9, run.rate());
        rounds.add(sample);
        progress.accept(sample);
      }
      return new Report(baseline, rounds, requests, non2xx, socketErrors, side.grpcCalls(), side.grpcErrors(), side.firstGrpcError(),
        side.sseEvents(), side.sseErrors(), child.log());
    }
  }

  private static Sample sample(ChildJvm child, double atSeconds, double rate) {
    long heap = child.heapAfterFullGc();
    return new Sample(atSeconds, rate, heap, child.threadsByName(), child.fileDescriptors());
  }

  /**
   * The default config's checks (disk space, heap, event loop, as the jar runs them without a config) and two
   * more that do I/O: TCP and HTTP to the server itself, one of them non-critical.
   */
  static JsonObject config(int port) {
    String self = "127.0.0.1";
    return new JsonObject().put("checks", StandaloneConfig.defaultChecks()
      .add(new JsonObject().put("name", "self-tcp").put("type", "tcp").put("host", self).put("port", port)
        .put("tags", new JsonArray().add("readiness")))
      .add(new JsonObject().put("name", "self-status").put("type", "http")
        .put("url", "http://" + self + ":" + port + "/status").put("critical", false)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
