package dev.vitals.benchmarks.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk (Debian's {@code wrk}), the load generator of the soak, driving a mix of paths over HTTP/1.1 keep-alive
 * connections with the script {@code soak-mix.lua}.
 */
final class Wrk {

  /** One wrk run: its length, requests, answers other than 2xx/3xx, and socket errors of each kind. */
  record Run(double seconds, long requests, long non2xx, long connectErrors, long readErrors, long writeErrors,
             long timeouts) {

    /** @return requests per second over the run */
    double rate() {
      return requests / seconds;
    }

    /** @return connect, read, write errors and timeouts together */
    long socketErrors() {
      return connectErrors + readErrors + writeErrors + timeouts;
    }
  }

  private final Path script;
  private final int threads;
  private final int connections;

  /**
   * @param workDir     where the script is written
   * @param threads     wrk's threads
   * @param connections wrk's connections, kept alive
   */
  Wrk(Path workDir, int threads, int connections) throws IOException {
    this.threads = threads;
    this.connections = connections;
    this.script = workDir.resolve("soak-mix.lua");
    try (InputStream in = Wrk.class.getResourceAsStream("/soak-mix.lua")) {
      if (in == null) {
        throw new IllegalStateException("soak-mix.lua is missing from the class path");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * @param port    the server's port on 127.0.0.1
   * @param seconds how long to load it
   * @param paths   the paths, cycled through in this order
   * @return what wrk counted
   * @throws IllegalStateException when wrk is missing, fails, or prints no summary
   */
  Run run(int port, int seconds, List<String> paths) {
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
      "--timeout", "5s", "-s", script.toString(), "http://127.0.0.1:" + port, "--"));
    command.addAll(paths);
    try {
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + out);
      }
      return out.lines().filter(line -> line.startsWith("SOAK\t")).findFirst().map(Wrk::parse)
        .orElseThrow(() -> new IllegalStateException("No SOAK line in wrk's output: " + out));
    } catch (IOException e) {
      throw new UncheckedIOException("wrk could not start (Debian package wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while wrk ran", e);
    }
  }

  private static Run parse(String line) {
    String[] f = line.split("\t");
    return new Run(Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
      Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
  }
}
