package dev.vitals.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The table and verdicts of {@code HISTORY-RESULTS.md}, issue 26's history on vs off at 1,000 checks
 * ({@code benchmarks/history.sh}): the standalone jar as shipped with its default history (a SQLite file beside the
 * config file), the same with full checks, the same jar with {@code "history": {"enabled": false}}, and a bare
 * route.
 *
 * <p>Input, as {@link ResultsMarkdown} reads it: {@code runs.tsv} with the scenarios {@code health} (contenders
 * {@code history-on}, {@code history-off}, {@code bare}; wrk with {@code connections}), {@code health-history} and
 * {@code health-ui} (contenders {@code history-on}, {@code history-off}; one connection, so each answer's latency);
 * {@code facts.tsv} with {@code checks}, {@code connections}, {@code rounds}, {@code duration_s},
 * {@code heap_<contender>_bytes} (live objects after a full GC), {@code <contender>_<scenario>_body_bytes},
 * {@code store_bytes} (history-on's store files once it stopped), {@code store_seconds} (how long it ran) and
 * {@code <contender>_recent_runs} (the runs in a check's {@code recent} list at the end, on average). Contender
 * {@code history-full} (history on, its checks run until each holds the 100 runs kept) is measured on
 * {@code health-history} and {@code health-ui} only.
 */
public final class HistoryResults {

  /** Issue 26: {@code /health/history} answers from rollups in at most this. */
  static final double MAX_HISTORY_MS = 50;

  private static final String ON = "history-on";
  private static final String FULL = "history-full";
  private static final String OFF = "history-off";
  private static final String BARE = "bare";

  private final ResultsMarkdown results;

  HistoryResults(ResultsMarkdown results) {
    this.results = results;
  }

  /**
   * Prints the markdown on stdout.
   *
   * @param args the directory holding {@code runs.tsv} and {@code facts.tsv}
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    System.out.print(new HistoryResults(ResultsMarkdown.read(Path.of(args[0]))).render());
  }

  /** @return the table, the store's size and the verdicts */
  String render() {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
      "| %s checks | history on (SQLite store) | history on, %s runs a check | history off | on ÷ off | bare route |%n"
        + "|---|--:|--:|--:|--:|--:|%n", whole(fact("checks")), orDash(fact(FULL + "_recent_runs"))));
    md.append(row(String.format(Locale.ROOT, "`GET /health` req/s (%s connections)", fact("connections")), "health",
      ResultsMarkdown.RPS, true));
    md.append(row("`GET /health` p99 ms", "health", ResultsMarkdown.P99, true));
    for (String scenario : List.of("health-history", "health-ui")) {
      String path = "`GET /" + scenario.replace('-', '/') + "`";
      // history off answers /health/history with an empty object: no ratio to speak of
      boolean compared = !scenario.equals("health-history");
      md.append(row(path + " median ms (1 connection)", scenario, ResultsMarkdown.P50, compared));
      md.append(row(path + " p99 ms", scenario, ResultsMarkdown.P99, compared));
      md.append(String.format(Locale.ROOT, "| %s answers timed | %s | %s | %s | | |%n", path,
        answers(scenario, ON), answers(scenario, FULL), answers(scenario, OFF)));
      md.append(String.format(Locale.ROOT, "| %s body, bytes (at the end) | %s | %s | %s | | |%n", path,
        whole(fact(ON + "_" + scenario + "_body_bytes")), whole(fact(FULL + "_" + scenario + "_body_bytes")),
        whole(fact(OFF + "_" + scenario + "_body_bytes"))));
    }
    md.append(String.format(Locale.ROOT, "| live heap after a full GC (after the runs) | %s | %s | %s | %s | |%n",
      ResultsMarkdown.mib(fact("heap_" + ON + "_bytes")), ResultsMarkdown.mib(fact("heap_" + FULL + "_bytes")),
      ResultsMarkdown.mib(fact("heap_" + OFF + "_bytes")), factRatio("heap_" + ON + "_bytes", "heap_" + OFF + "_bytes")));
    md.append(String.format(Locale.ROOT, "| errors, all runs (non-2xx, socket) | %d | %d | %d | | %d |%n", errors(ON),
      errors(FULL), errors(OFF), results.total("health", BARE, ResultsMarkdown.ERRORS)));
    md.append(String.format(Locale.ROOT, "%nMedians of %s round(s) of %s s per contender, the contenders alternating "
        + "within each round; a latency is the median over the rounds of wrk's percentile over every answer of a "
        + "round; on ÷ off is the median of the per-round ratios.%n", fact("rounds"), fact("duration_s")));
    md.append(store());
    md.append("\n## Verdicts\n\n").append(verdicts());
    return md.toString();
  }

  /** @return one row: history on, full, off, on ÷ off (when compared), and bare, each where it ran */
  private String row(String what, String scenario, int column, boolean compared) {
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", what, figure(scenario, ON, column),
      figure(scenario, FULL, column), figure(scenario, OFF, column),
      compared ? String.format(Locale.ROOT, "%.2f", ResultsMarkdown.median(results.ratios(scenario, ON, OFF, column)))
        : "—", figure(scenario, BARE, column));
  }

  /** @return the median of a column, whole req/s or ms; "—" where the contender did not run */
  private String figure(String scenario, String contender, int column) {
    if (!results.has(scenario, contender)) {
      return "—";
    }
    double value = results.median(scenario, contender, column);
    return column == ResultsMarkdown.RPS ? ResultsMarkdown.whole(value) : ResultsMarkdown.ms(value);
  }

  private String answers(String scenario, String contender) {
    return results.has(scenario, contender)
      ? ResultsMarkdown.whole(results.total(scenario, contender, ResultsMarkdown.REQUESTS)) : "—";
  }

  private static String orDash(String text) {
    return text == null ? "—" : text;
  }

  private static String whole(String number) {
    return number == null ? "not measured" : ResultsMarkdown.whole(Double.parseDouble(number));
  }

  private String store() {
    String bytes = fact("store_bytes");
    if (bytes == null) {
      return "";
    }
    double perCheck = Double.parseDouble(bytes) / Double.parseDouble(fact("checks"));
    double minutes = Double.parseDouble(fact("store_seconds")) / 60;
    return String.format(Locale.ROOT, "%nHistory on's store, `vitals-history.db` beside its config file, once the jar "
        + "had stopped (SIGTERM: it writes what it holds) after running %.1f min: **%s bytes**, %s bytes per check "
        + "(%.0f bytes per check per minute run, the file's schema and pages included). History off wrote no file.%n",
      minutes, whole(bytes), ResultsMarkdown.whole(perCheck), perCheck / minutes);
  }

  private String verdicts() {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "- **`GET /health/history` of %s checks** — "
        + "target (issue 26): answered from rollups in ≤ %.0f ms.", whole(fact("checks")), MAX_HISTORY_MS));
    boolean met = true;
    for (String contender : List.of(ON, FULL)) {
      if (results.has("health-history", contender)) {
        double p50 = results.median("health-history", contender, ResultsMarkdown.P50) / 1000;
        double p99 = results.median("health-history", contender, ResultsMarkdown.P99) / 1000;
        met &= p50 <= MAX_HISTORY_MS;
        md.append(String.format(Locale.ROOT, " `%s`, %s runs a check in `recent` on average (it keeps 100), an "
            + "answer of %s bytes: median %.2f ms, p99 %.2f ms (%s).", contender, fact(contender + "_recent_runs"),
          whole(fact(contender + "_health-history_body_bytes")), p50, p99,
          p99 <= MAX_HISTORY_MS ? "both within" : p50 <= MAX_HISTORY_MS ? "the median within" : "both above"));
      }
    }
    md.append(String.format(Locale.ROOT, " **%s**. History off answers `{\"checks\": {}}`: its figure is the "
      + "route's floor, not a contender.%n", met ? "met" : "missed"));
    List<Double> offRps = results.values("health", OFF, ResultsMarkdown.RPS);
    List<String> perRound = new ArrayList<>();
    for (double ratio : results.ratios("health", ON, OFF, ResultsMarkdown.RPS)) {
      perRound.add(String.format(Locale.ROOT, "%.2f", ratio));
    }
    md.append(String.format(Locale.ROOT, "- **`GET /health` req/s, history on ÷ history off**: **%.2f** (per round: "
        + "%s); beside the bare route, on %.2f ×, off %.2f ×. No target in issue 26; the rounds of history off "
        + "alone spread from %s to %s req/s.%n",
      ResultsMarkdown.median(results.ratios("health", ON, OFF, ResultsMarkdown.RPS)), String.join(", ", perRound),
      results.ratioValue("health", ON, ResultsMarkdown.RPS), results.ratioValue("health", OFF, ResultsMarkdown.RPS),
      ResultsMarkdown.whole(Collections.min(offRps)), ResultsMarkdown.whole(Collections.max(offRps))));
    return md.toString();
  }

  private long errors(String contender) {
    long sum = 0;
    for (String scenario : List.of("health", "health-history", "health-ui")) {
      if (results.has(scenario, contender)) {
        sum += results.total(scenario, contender, ResultsMarkdown.ERRORS);
      }
    }
    return sum;
  }

  private String factRatio(String fact, String base) {
    if (fact(fact) == null || fact(base) == null) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f", Double.parseDouble(fact(fact)) / Double.parseDouble(fact(base)));
  }

  private String fact(String key) {
    return results.fact(key);
  }
}
