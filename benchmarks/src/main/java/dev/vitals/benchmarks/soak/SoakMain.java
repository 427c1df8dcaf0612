package dev.vitals.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The long soak of {@code benchmarks/soak.sh}: {@link Soak} for a given number of minutes in rounds of 30 s,
 * writing {@code soak.png} (the plot), {@code soak.tsv} (one line a round) and {@code soak.md} (the table and the
 * verdicts, for RESULTS.md) into the output folder.
 *
 * <pre>java -cp vitals-benchmarks.jar dev.vitals.benchmarks.soak.SoakMain JAR MINUTES OUT_DIR COMMIT</pre>
 */
public final class SoakMain {

  private static final int ROUND_SECONDS = 30;
  private static final double MB = 1024 * 1024;

  private SoakMain() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: SoakMain <vitals-samples.jar> <minutes> <output folder> <commit>");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int minutes = Integer.parseInt(args[1]);
    Path out = Files.createDirectories(Path.of(args[2]));
    String commit = args[3];
    int rounds = Math.max(1, minutes * 60 / ROUND_SECONDS);
    long started = System.nanoTime();
    Soak.Report report = Soak.run(new Soak.Settings(jar, "128m", 20, rounds, ROUND_SECONDS, 32, Soak.STREAMS, 4, out),
      sample -> System.err.println("soak: " + sample));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    SoakPlot.write(report, "Standalone jar, -Xmx128m, commit " + commit, out.resolve("soak.png"));
    Files.write(out.resolve("soak.tsv"), tsv(report));
    Files.writeString(out.resolve("soak.md"), markdown(report, minutes, commit, took));
    System.out.print(markdown(report, minutes, commit, took));
  }

  private static List<String> tsv(Soak.Report report) {
    List<String> lines = new ArrayList<>(List.of("seconds\treq_per_s\theap_after_gc_bytes\tthreads\tfds"));
    for (Soak.Sample s : report.rounds()) {
      lines.add(String.format(Locale.ROOT, "%.1f\t%.1f\t%d\t%d\t%d", s.atSeconds(), s.rate(), s.heapAfterGc(),
        s.threadCount(), s.fds()));
    }
    return lines;
  }

  static String markdown(Soak.Report report, int minutes, String commit, Duration took) {
    Soak.Sample base = report.baseline();
    Soak.Sample end = report.end();
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Commit %s; %d min asked, %d rounds of %d s run (%d min %d s in all, with"
        + " a full GC and a thread dump after each round).%n%n", commit, minutes, report.rounds().size(),
      ROUND_SECONDS, took.toMinutes(), took.toSecondsPart()));
    md.append("![heap after GC and requests per second over the soak](soak.png)\n\n");
    md.append("| | baseline (after warm-up) | end | verdict |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| heap after full GC | %.1f MB | %.1f MB | %s |%n", base.heapAfterGc() / MB,
      end.heapAfterGc() / MB, verdict(end.heapAfterGc() - base.heapAfterGc() <= Soak.HEAP_SLACK_BYTES)));
    md.append(String.format(Locale.ROOT, "| threads | %d | %d | %s |%n", base.threadCount(), end.threadCount(),
      verdict(report.grownThreads().isEmpty()) + (report.grownThreads().isEmpty() ? "" : " " + report.grownThreads())));
    md.append(String.format(Locale.ROOT, "| file descriptors | %d | %d | %s |%n", base.fds(), end.fds(),
      verdict(end.fds() <= base.fds())));
    md.append(String.format(Locale.ROOT, "| req/s, first tenth → last tenth | %.0f | %.0f | %s |%n",
      report.firstTenthRate(), report.lastTenthRate(), verdict(report.lastTenthRate() >= 0.9 * report.firstTenthRate())));
    md.append(String.format(Locale.ROOT, "| HTTP requests, non-2xx, socket errors | %,d | %,d non-2xx, %,d errors | %s |%n",
      report.requests(), report.non2xx(), report.socketErrors(), verdict(report.non2xx() + report.socketErrors() == 0)));
    md.append(String.format(Locale.ROOT, "| gRPC Check calls, errors | %,d | %,d | %s |%n", report.grpcCalls(),
      report.grpcErrors(), verdict(report.grpcErrors() == 0)));
    md.append(String.format(Locale.ROOT, "| SSE chunks, streams lost | %,d | %,d | %s |%n", report.sseChunks(),
      report.sseErrors(), verdict(report.sseErrors() == 0)));
    return md.toString();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }
}
