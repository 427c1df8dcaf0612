package dev.vitals.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the raw measurements {@code run.sh} collects into the markdown of {@code RESULTS.md}: one table of medians
 * and ratios, {@code /health} of the standalone jar beside the library alone ({@code ScaleResults}), the
 * verdict of each target of issues 5, 12 and 22, the footprint and the JMH figures.
 *
 * <p>Input files, in the directory given as the only argument, tab-separated:
 * <ul>
 *   <li>{@code runs.tsv}: one line per wrk run: {@code scenario contender round seconds requests rps p50_us p99_us
 *       p999_us errors runs}: {@code errors} counts non-2xx answers and socket errors; {@code runs} is the most runs
 *       any one check had during the run (scenario {@code expiry}), or the requests that reached Consul (scenario
 *       {@code consul}), or {@code -}.</li>
 *   <li>{@code facts.tsv}: {@code key value} lines: {@code connections}, {@code threads}, {@code rounds},
 *       {@code heap_idle_<contender>_bytes}, {@code heap_after_<contender>_bytes},
 *       {@code heap_settled_<contender>_bytes}, {@code footprint_load_s}, {@code footprint_settle_s},
 *       {@code startup_ms} (ms).</li>
 *   <li>{@code jmh.csv}: JMH's {@code -rf csv} output (optional).</li>
 * </ul>
 * Medians are per scenario and contender over the rounds; ratios against {@code bare} are the median of the
 * per-round ratios, as rounds alternate the contenders.
 */
public final class ResultsMarkdown {

  /** Targets of issue 5. */
  static final double MIN_RPS_RATIO = 0.9;
  static final double MAX_P99_RATIO = 2.0;
  /** What "unchanged" allows the p99 ratio of scenario 2 to drift from scenario 1's, given the noise of p99. */
  static final double MAX_P99_DRIFT = 1.5;

  private final Map<String, Map<String, List<String[]>>> runs = new LinkedHashMap<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final List<String[]> jmh = new ArrayList<>();

  /**
   * @param runsTsv  lines of {@code runs.tsv}
   * @param factsTsv lines of {@code facts.tsv}
   * @param jmhCsv   lines of JMH's csv, may be empty
   */
  ResultsMarkdown(List<String> runsTsv, List<String> factsTsv, List<String> jmhCsv) {
    for (String line : runsTsv) {
      if (!line.isBlank()) {
        String[] f = line.split("\t");
        runs.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[1], k -> new ArrayList<>()).add(f);
      }
    }
    for (String line : factsTsv) {
      String[] f = line.split("\t", 2);
      if (f.length == 2) {
        facts.put(f[0], f[1]);
      }
    }
    for (int i = 1; i < jmhCsv.size(); i++) {
      if (!jmhCsv.get(i).isBlank()) {
        jmh.add(Arrays.stream(jmhCsv.get(i).split(",")).map(s -> s.replace("\"", "")).toArray(String[]::new));
      }
    }
  }

  /**
   * Prints the markdown on stdout.
   *
   * @param args the directory holding {@code runs.tsv}, {@code facts.tsv} and, optionally, {@code jmh.csv}
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    System.out.print(read(Path.of(args[0])).render());
  }

  /**
   * @param dir the directory holding {@code runs.tsv}, {@code facts.tsv} and, optionally, {@code jmh.csv}
   * @return its measurements
   * @throws IOException when a file cannot be read
   */
  static ResultsMarkdown read(Path dir) throws IOException {
    Path jmhCsv = dir.resolve("jmh.csv");
    return new ResultsMarkdown(Files.readAllLines(dir.resolve("runs.tsv")), Files.readAllLines(dir.resolve("facts.tsv")),
      Files.exists(jmhCsv) ? Files.readAllLines(jmhCsv) : List.of());
  }

  /** @return the table, the verdicts, the footprint and the JMH figures */
  String render() {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | contender | req/s | p50 ms | p99 ms | p99.9 ms | req/s ÷ bare | p99 ÷ bare | errors | check runs / Consul requests |\n");
    md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    runs.forEach((scenario, contenders) -> contenders.forEach((contender, rows) -> md.append(String.format(Locale.ROOT,
      "| %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |%n",
      scenario, contender, whole(median(rows, RPS)), ms(median(rows, P50)), ms(median(rows, P99)),
      ms(median(rows, P999)), ratio(scenario, contender, RPS), ratio(scenario, contender, P99), errors(rows),
      runsOf(rows)))));
    md.append("\n").append(String.format(Locale.ROOT,
      "Medians of %s round(s) per contender; ratios are the median of per-round ratios (contenders alternate "
        + "within each round). `errors` = non-2xx answers + socket errors over all rounds. Last column: the most "
        + "runs any one check had during a run (median over rounds); in scenario 4, the requests that reached "
        + "Consul.%n",
      facts.getOrDefault("rounds", "?")));
    md.append(new ScaleResults(this).shipped());
    md.append("\n## Verdicts\n\n").append(verdicts()).append(new ScaleResults(this).verdicts());
    md.append("\n## Footprint (scenario 5)\n\n").append(footprint());
    if (!jmh.isEmpty()) {
      md.append("\n## Cached path, JMH\n\n").append(jmhTable());
    }
    return md.toString();
  }

  private static final int SECONDS = 3;
  static final int REQUESTS = 4;
  static final int RPS = 5;
  static final int P50 = 6;
  static final int P99 = 7;
  private static final int P999 = 8;
  static final int ERRORS = 9;
  private static final int RUNS = 10;

  private String verdicts() {
    StringBuilder md = new StringBuilder();
    if (has("standalone-cheap", "standalone") && has("standalone-cheap", "bare")) {
      double rps = ratioValue("standalone-cheap", "standalone", RPS);
      md.append(String.format(Locale.ROOT,
        "- **1 cheap checks, standalone jar as shipped** (10 `heap` checks, its default handlers on, beside a bare "
          + "route serving the same bytes) — target: ≥ %.1f × bare req/s. Measured %.2f × req/s, %.2f × p99: "
          + "**%s**.%n", ScaleResults.MIN_RPS_RATIO, rps, ratioValue("standalone-cheap", "standalone", P99),
        verdict(rps >= ScaleResults.MIN_RPS_RATIO)));
    }
    if (has("cheap", "vitals")) {
      double rps = ratioValue("cheap", "vitals", RPS);
      double p99 = ratioValue("cheap", "vitals", P99);
      md.append(String.format(Locale.ROOT,
        "- **1 cheap checks** — target: Vitals ≥ %.1f × bare req/s and p99 ≤ %.0f × bare's. Measured %.2f × req/s, "
          + "%.2f × p99: **%s**.%n", MIN_RPS_RATIO, MAX_P99_RATIO, rps, p99,
        verdict(rps >= MIN_RPS_RATIO && p99 <= MAX_P99_RATIO)));
    }
    for (String slow : List.of("slow50", "slow500")) {
      if (has(slow, "vitals") && has("cheap", "vitals")) {
        double rps = ratioValue(slow, "vitals", RPS);
        double p99 = ratioValue(slow, "vitals", P99);
        double cheapRps = ratioValue("cheap", "vitals", RPS);
        double cheapP99 = ratioValue("cheap", "vitals", P99);
        long latency = Scenario.of(slow).latencyMs();
        boolean unchanged = rps >= MIN_RPS_RATIO * cheapRps && p99 <= MAX_P99_DRIFT * cheapP99;
        md.append(String.format(Locale.ROOT,
          "- **2 slow checks, %d ms** — target: Vitals unchanged from scenario 1 once warm (req/s ÷ bare at least "
            + "%.1f × scenario 1's %.2f; p99 ÷ bare at most %.1f × scenario 1's %.2f). Measured %.2f × req/s, "
            + "%.2f × p99 (p99 %s ms, the checks take %d ms): **%s**.", latency, MIN_RPS_RATIO, cheapRps,
          MAX_P99_DRIFT, cheapP99, rps, p99, ms(median(runs.get(slow).get("vitals"), P99)), latency,
          verdict(unchanged)));
        if (has(slow, "vertx")) {
          List<String[]> vertx = runs.get(slow).get("vertx");
          double bound = Double.parseDouble(facts.getOrDefault("connections", "0")) * 1000.0 / latency;
          md.append(String.format(Locale.ROOT,
            " vertx, bounded by the check latency as expected: p50 %s ms (≥ %d ms: %s), %s req/s "
              + "(connections ÷ latency = %s).", ms(median(vertx, P50)), latency,
            median(vertx, P50) >= latency * 1000.0 ? "yes" : "no", whole(median(vertx, RPS)), whole(bound)));
        }
        md.append("\n");
      }
    }
    if (has("expiry", "vitals")) {
      List<String[]> rows = runs.get("expiry").get("vitals");
      double seconds = median(rows, SECONDS);
      double ttl = Scenario.EXPIRY.ttlMs() / 1000.0;
      long limit = (long) Math.floor(seconds / ttl) + 1;
      long vitalsRuns = (long) median(rows, RUNS);
      md.append(String.format(Locale.ROOT,
        "- **3 expiry under load** (TTL %.0f s, %.0f s at full load) — target: Vitals ≤ run seconds ÷ TTL + 1 = %d "
          + "runs per check, whatever the request rate. Measured %d runs of the busiest check over %s requests: **%s**.",
        ttl, seconds, limit, vitalsRuns, whole(median(rows, REQUESTS)), verdict(vitalsRuns <= limit)));
      if (has("expiry", "vertx")) {
        List<String[]> vertx = runs.get("expiry").get("vertx");
        md.append(String.format(Locale.ROOT, " vertx: %s runs per check for %s requests (once per request, plus "
            + "the requests still in flight when wrk stopped counting).",
          whole(median(vertx, RUNS)), whole(median(vertx, REQUESTS))));
      }
      md.append("\n");
    }
    if (has("consul", "vitals")) {
      List<String[]> rows = runs.get("consul").get("vitals");
      long vitalsRequests = (long) median(rows, RUNS);
      md.append(String.format(Locale.ROOT,
        "- **4 Consul load** (`/status`, %.0f s) — target: the requests reaching Consul do not follow the request "
          + "rate (one blocking query in flight; ≤ 2 in the run). Vitals: %d requests to Consul for %s `/status` "
          + "answers: **%s**.", median(rows, SECONDS), vitalsRequests, whole(median(rows, REQUESTS)),
        verdict(vitalsRequests <= 2)));
      if (has("consul", "lookup")) {
        List<String[]> lookup = runs.get("consul").get("lookup");
        md.append(String.format(Locale.ROOT, " Per-request lookup: %s requests to Consul for %s answers.",
          whole(median(lookup, RUNS)), whole(median(lookup, REQUESTS))));
      }
      md.append("\n");
    }
    return md.toString();
  }

  private String footprint() {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
      "Heap used after a full GC (`System.gc()` twice, then `MemoryMXBean`), one fresh load server per contender "
        + "(all three registered, 10 checks each): idle, right after %s s of load on that contender alone, and %s s "
        + "later.%n%n| contender | idle | after load | settled |%n|---|--:|--:|--:|%n",
      facts.getOrDefault("footprint_load_s", "?"), facts.getOrDefault("footprint_settle_s", "?")));
    for (String contender : List.of("bare", "vertx", "vitals")) {
      if (facts.containsKey("heap_after_" + contender + "_bytes")) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", contender,
          mib(facts.get("heap_idle_" + contender + "_bytes")), mib(facts.get("heap_after_" + contender + "_bytes")),
          mib(facts.get("heap_settled_" + contender + "_bytes"))));
      }
    }
    md.append(String.format(Locale.ROOT,
      "%nStandalone jar (`samples/target/vitals-samples.jar`, default config): JVM start to the first 200 on "
        + "`/health`, median of %s: **%s ms** (verdict 8 compares it with a bare Vert.x server).%n",
      facts.getOrDefault("startup_runs", "3"), facts.getOrDefault("startup_ms", "not measured")));
    return md.toString();
  }

  private String jmhTable() {
    StringBuilder md = new StringBuilder("| benchmark | checks | ns/op | ± (99.9 %) |\n|---|--:|--:|--:|\n");
    for (String[] row : jmh) {
      String name = row[0].substring(row[0].lastIndexOf('.') + 1);
      md.append(String.format(Locale.ROOT, "| `%s()` | %s | %.1f | %.1f |%n", name, row.length > 7 ? row[7] : "",
        Double.parseDouble(row[4]), parseOrNaN(row[5])));
    }
    return md.toString();
  }

  /** @return a fact of {@code facts.tsv}, or {@code null} */
  String fact(String key) {
    return facts.get(key);
  }

  /** @return the median over rounds of one column of a scenario's contender; NaN when it has no figure */
  double median(String scenario, String contender, int column) {
    return median(runs.get(scenario).get(contender), column);
  }

  boolean has(String scenario, String contender) {
    return runs.containsKey(scenario) && runs.get(scenario).containsKey(contender);
  }

  private String ratio(String scenario, String contender, int column) {
    if (!has(scenario, "bare")) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f", ratioValue(scenario, contender, column));
  }

  /** Median over rounds of contender ÷ bare, pairing rounds by number. */
  double ratioValue(String scenario, String contender, int column) {
    return median(ratios(scenario, contender, "bare", column));
  }

  /** @return per round, in order, contender ÷ base of one column, pairing rounds by number */
  List<Double> ratios(String scenario, String contender, String base, int column) {
    Map<String, String[]> baseByRound = new LinkedHashMap<>();
    for (String[] row : runs.get(scenario).getOrDefault(base, List.of())) {
      baseByRound.put(row[2], row);
    }
    List<Double> ratios = new ArrayList<>();
    for (String[] row : runs.get(scenario).get(contender)) {
      String[] other = baseByRound.get(row[2]);
      if (other != null) {
        ratios.add(Double.parseDouble(row[column]) / Double.parseDouble(other[column]));
      }
    }
    return ratios;
  }

  /** @return one column of a scenario's contender, round by round */
  List<Double> values(String scenario, String contender, int column) {
    return values(runs.get(scenario).get(contender), column);
  }

  private static double median(List<String[]> rows, int column) {
    return median(values(rows, column));
  }

  private static List<Double> values(List<String[]> rows, int column) {
    List<Double> values = new ArrayList<>();
    for (String[] row : rows) {
      if (!row[column].equals("-")) {
        values.add(Double.parseDouble(row[column]));
      }
    }
    return values;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** @return the sum over rounds of one whole-number column of a scenario's contender */
  long total(String scenario, String contender, int column) {
    return sum(runs.get(scenario).get(contender), column);
  }

  private static long errors(List<String[]> rows) {
    return sum(rows, ERRORS);
  }

  private static long sum(List<String[]> rows, int column) {
    long sum = 0;
    for (String[] row : rows) {
      sum += Long.parseLong(row[column]);
    }
    return sum;
  }

  private static String runsOf(List<String[]> rows) {
    double runs = median(rows, RUNS);
    return Double.isNaN(runs) ? "" : whole(runs);
  }

  static String verdict(boolean met) {
    return met ? "met" : "missed";
  }

  static String whole(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** µs to ms. */
  static String ms(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000);
  }

  static String mib(String bytes) {
    if (bytes == null || bytes.isBlank()) {
      return "not measured";
    }
    return String.format(Locale.ROOT, "%.1f MiB", Long.parseLong(bytes.trim()) / 1024.0 / 1024.0);
  }

  private static double parseOrNaN(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
