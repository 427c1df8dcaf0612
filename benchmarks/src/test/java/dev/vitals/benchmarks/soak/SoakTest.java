package dev.vitals.benchmarks.soak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar as shipped ({@code samples/target/vitals-samples.jar}, built by the reactor before this
 * module) with a 128 MB heap, under wrk's mix of ordinary requests with SSE streams and gRPC Check calls beside
 * them, for 10 rounds of 6 s: nothing a request leaves behind may outlive its answer. The 10-minute run of the
 * same is {@code benchmarks/soak.sh}.
 */
class SoakTest {

  @Test
  void heapThreadsAndDescriptorsStayFlatAndEveryAnswerIsOk(@TempDir Path dir) throws Exception {
    Path jar = Path.of("..", "samples", "target", "vitals-samples.jar").toAbsolutePath().normalize();
    assertThat(jar).as("the standalone jar, built by `mvn package` of samples").exists();
    Soak.Report report = Soak.run(new Soak.Settings(jar, "128m", 10, 10, 6, 32, Soak.STREAMS, 4, dir),
      sample -> System.out.println("soak: " + sample));
    System.out.printf("soak: %,d requests, %,d non-2xx, %,d socket errors; gRPC %,d calls, %,d errors; SSE %,d chunks,"
        + " %,d errors; first tenth %.0f req/s, last tenth %.0f req/s%n", report.requests(), report.non2xx(),
      report.socketErrors(), report.grpcCalls(), report.grpcErrors(), report.sseChunks(), report.sseErrors(),
      report.firstTenthRate(), report.lastTenthRate());
    System.out.println("soak: the standalone's log ends:\n" + tail(report.log()));

    assertThat(report.rounds()).as("rounds completed by a living server; its log:%n%s", tail(report.log()))
      .hasSize(10);
    assertThat(report.requests()).isGreaterThanOrEqualTo(300_000);
    assertThat(report.non2xx()).as("answers other than 2xx").isZero();
    assertThat(report.socketErrors()).as("socket errors and 5 s timeouts").isZero();
    assertThat(report.grpcCalls()).isPositive();
    assertThat(report.grpcErrors()).as("gRPC Check calls failed or not SERVING, first: %s", report.firstGrpcError()).isZero();
    assertThat(report.sseChunks()).isPositive();
    assertThat(report.sseErrors()).as("SSE streams refused or ended").isZero();
    assertThat(report.end().heapAfterGc()).as("heap after a full GC, baseline %,d bytes", report.baseline().heapAfterGc())
      .isLessThanOrEqualTo(report.baseline().heapAfterGc() + Soak.HEAP_SLACK_BYTES);
    assertThat(report.lastTenthRate()).as("req/s of the last tenth against the first")
      .isGreaterThanOrEqualTo(0.9 * report.firstTenthRate());
    assertThat(report.grownThreads()).as("threads grown beyond the baseline %s (or a pool's size)",
      report.baseline().threads()).isEmpty();
    assertThat(report.end().fds()).as("open file descriptors").isLessThanOrEqualTo(report.baseline().fds());
  }

  private static String tail(String log) {
    return log.length() <= 4_000 ? log : log.substring(log.length() - 4_000);
  }
}
