package dev.vitals.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per registered check of the standalone jar as shipped: the jar is started as a child process
 * ({@code java -Xmx256m -jar vitals-samples.jar -conf <file>}) with 1 and with N {@code heap} checks (a check without
 * I/O), {@code /health} and {@code /metrics} are answered once, and the live heap is read with {@code jcmd}
 * ({@code GC.run}, then {@code GC.class_histogram}, whose total counts live objects only, after a full GC). Bytes
 * per check are {@code (live(N) - live(1)) / (N - 1)}.
 *
 * <p>Each component's share is the difference made by switching it off in the config (metrics, history, gRPC, the
 * environment's {@code config} section, the reload of the config file); "the rest" is the figure with all of them
 * off (registry, cache, render caches, the config kept for reloads). The classes that grow most with the checks,
 * with everything on, follow. Prints lines such as {@code all: 8775 bytes per check}.
 *
 * <pre>
 * java -cp benchmarks/target/vitals-benchmarks.jar dev.vitals.benchmarks.StandaloneHeapPerCheck \
 *   [checks, default 1000] [jar, default samples/target/vitals-samples.jar]
 * </pre>
 */
public final class StandaloneHeapPerCheck {

  /** What each component's switch adds to the config, in the order printed. */
  private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put("metrics", "\"metrics\": {\"enabled\": false}");
    COMPONENTS.put("history", "\"history\": {\"enabled\": false}");
    COMPONENTS.put("grpc", "\"grpc\": {\"enabled\": false}");
    COMPONENTS.put("environment config section", "\"environment\": {\"includeConfig\": false}");
    COMPONENTS.put("config reload", "\"reload\": {\"scanPeriod\": 0}");
  }

  private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
  /** A lambda's class name carries numbers of its own process: one name for all of a class's lambdas. */
  private static final Pattern LAMBDA_SUFFIX = Pattern.compile("\\$\\$Lambda.*$");
  private static final String TOTAL = "";
  private static final int TOP_CLASSES = 15;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private StandaloneHeapPerCheck() {
  }

  /**
   * @param args optionally the number of checks (at least 2) and the jar
   * @throws Exception when the jar does not start, or {@code jcmd} fails
   */
  public static void main(String[] args) throws Exception {
    int checks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Path jar = Paths.get(args.length > 1 ? args[1] : "samples/target/vitals-samples.jar");
    if (checks < 2 || !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("usage: [checks >= 2] [vitals-samples.jar]; no jar at " + jar);
    }
    System.out.printf("standalone heap per check: %s, 1 and %d heap checks, java -Xmx256m, after a full GC%n",
      jar, checks);
    Map<String, Long> all = perCheck(jar, checks, List.of());
    long allBytes = all.get(TOTAL);
    System.out.printf("all: %d bytes per check%n", allBytes);
    for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
      long without = perCheck(jar, checks, List.of(component.getValue())).get(TOTAL);
      System.out.printf("  %s: %d bytes per check (%d with it off)%n", component.getKey(), allBytes - without,
        without);
    }
    long rest = perCheck(jar, checks, List.copyOf(COMPONENTS.values())).get(TOTAL);
    System.out.printf("  the rest (all of these off): %d bytes per check%n", rest);
    System.out.printf("classes growing most with the checks (all on), bytes per check:%n");
    all.entrySet().stream().filter(e -> !e.getKey().equals(TOTAL))
      .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_CLASSES)
      .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
  }

  /**
   * @return bytes per check added between 1 and {@code checks} checks: the total under {@link #TOTAL}, and per class
   */
  private static Map<String, Long> perCheck(Path jar, int checks, List<String> sections) throws Exception {
    Map<String, long[]> one = liveHeap(jar, 1, sections);
    Map<String, long[]> many = liveHeap(jar, checks, sections);
    Map<String, Long> perCheck = new HashMap<>();
    many.forEach((type, bytes) -> perCheck.put(type,
      (bytes[0] - one.getOrDefault(type, new long[1])[0]) / (checks - 1)));
    return perCheck;
  }

  /** @return live bytes by class (and the total under {@link #TOTAL}) of the jar started with this many checks */
  private static Map<String, long[]> liveHeap(Path jar, int checks, List<String> sections) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StringBuilder config = new StringBuilder("{\"http\": {\"port\": " + port + "}");
    sections.forEach(section -> config.append(", ").append(section));
    config.append(", \"checks\": [");
    for (int i = 0; i < checks; i++) {
      config.append(i == 0 ? "" : ", ").append("{\"name\": \"c").append(i).append("\", \"type\": \"heap\", ")
        .append("\"maxUsed\": 0.99}");
    }
    config.append("]}");
    Path dir = Files.createTempDirectory("vitals-heap");
    Path file = Files.writeString(dir.resolve("config.json"), config);
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "-conf",
      file.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    try {
      awaitHealth(process, port, dir);
      get(port, "/health");
      get(port, "/metrics"); // 404 with metrics off
      Thread.sleep(2_000); // start-up's own garbage and the first runs settle
      String pid = Long.toString(process.pid());
      jcmd(pid, "GC.run");
      return histogram(jcmd(pid, "GC.class_histogram"));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir.resolve("out.log"));
      Files.deleteIfExists(dir);
    }
  }

  private static void awaitHealth(Process process, int port, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the jar exited with " + process.exitValue() + ": "
          + Files.readString(dir.resolve("out.log")));
      }
      try {
        get(port, "/health");
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("no answer at 127.0.0.1:" + port + "/health within 120 s");
  }

  private static void get(int port, String path) throws IOException, InterruptedException {
    HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
      .build(), HttpResponse.BodyHandlers.discarding());
  }

  private static String jcmd(String pid, String command) throws IOException, InterruptedException {
    Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
    }
    return out;
  }

  /** @return bytes by class of {@code GC.class_histogram}'s output, and its total under {@link #TOTAL} */
  private static Map<String, long[]> histogram(String output) {
    Map<String, long[]> bytes = new HashMap<>();
    for (String line : output.lines().toList()) {
      Matcher row = HISTOGRAM_ROW.matcher(line);
      Matcher total = HISTOGRAM_TOTAL.matcher(line);
      if (row.find()) {
        String type = LAMBDA_SUFFIX.matcher(row.group(3)).replaceFirst("\\$\\$Lambda");
        bytes.merge(type, new long[]{Long.parseLong(row.group(2))}, (a, b) -> new long[]{a[0] + b[0]});
      } else if (total.find()) {
        bytes.put(TOTAL, new long[]{Long.parseLong(total.group(2))});
      }
    }
    if (!bytes.containsKey(TOTAL)) {
      throw new IllegalStateException("no total in GC.class_histogram's output: " + output);
    }
    return bytes;
  }
}
