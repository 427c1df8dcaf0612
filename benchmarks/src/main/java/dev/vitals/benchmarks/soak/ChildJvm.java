package dev.vitals.benchmarks.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standalone jar as users start it ({@code java -jar vitals-samples.jar}), in a child JVM, with what the soak
 * reads off it from outside: live objects after a full GC and threads by name ({@code jcmd}), open file descriptors
 * established TCP connections and CPU time ({@code /proc/<pid>}, Linux).
 */
public final class ChildJvm implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
  private static final Pattern THREAD_NAME = Pattern.compile("(?m)^\"(.*?)\\d*\" ");
  private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
  private static final long START_LIMIT_MS = 60_000;

  private final Process process;
  private final Path log;
  private final int port;

  private ChildJvm(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar> <args>} with the environment given, waits until it logs the port it
   * listens on (give it {@code VITALS_HTTP_PORT=0}).
   *
   * @param jar        the standalone jar
   * @param jvmOptions JVM options such as {@code -Xmx128m}
   * @param env        environment variables added to this process's
   * @param log        where its stdout and stderr go
   * @param args       its arguments ({@code -conf ...})
   * @return the started JVM
   * @throws IllegalStateException when it exits or logs no port within 60 s, with its log
   */
  public static ChildJvm start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log, String... args)
    throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
      .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_LIMIT_MS);
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return new ChildJvm(process, log, Integer.parseInt(listening.group(1)));
      }
      if (!process.isAlive()) {
        break;
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The standalone jar did not start listening: " + Files.readString(log));
  }

  /** @return the HTTP port it listens on, on 127.0.0.1 */
  public int port() {
    return port;
  }

  /** @return its process id */
  public long pid() {
    return process.pid();
  }

  /** @return whether it still runs */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** @return what it has logged so far */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a full GC in it and sums the objects that survived it, in one step ({@code jcmd GC.class_histogram}): what
   * the process allocates meanwhile is not counted, as it would be by reading the heap's use after the GC.
   *
   * @return bytes of live objects right after a full GC
   * @throws IllegalStateException when jcmd fails or prints no total
   */
  public long heapAfterFullGc() {
    String histogram = jcmd("GC.class_histogram");
    Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException("No total in jcmd GC.class_histogram: " + tail(histogram));
    }
    return Long.parseLong(total.group(1));
  }

  /**
   * @return its threads by name without the trailing number ({@code vert.x-eventloop-thread-}), each with its
   *         count, from {@code jcmd Thread.print}
   */
  public Map<String, Integer> threadsByName() {
    Map<String, Integer> threads = new TreeMap<>();
    Matcher name = THREAD_NAME.matcher(jcmd("Thread.print"));
    while (name.find()) {
      threads.merge(name.group(1), 1, Integer::sum);
    }
    return threads;
  }

  /** @return its open file descriptors, from {@code /proc/<pid>/fd} */
  public int fileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return its TCP connections in state ESTABLISHED: the sockets among its file descriptors that
   *         {@code /proc/<pid>/net/tcp} and {@code tcp6} list in state {@code 01} (Linux)
   */
  public int establishedConnections() {
    Set<String> sockets = new HashSet<>();
    Path fdDir = Path.of("/proc", Long.toString(pid()), "fd");
    try (Stream<Path> fds = Files.list(fdDir)) {
      fds.forEach(fd -> {
        try {
          Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
          if (socket.matches()) {
            sockets.add(socket.group(1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor closed between the listing and the read: not counted
        }
      });
      int established = 0;
      for (String table : List.of("tcp", "tcp6")) {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid()), "net", table));
        for (String line : lines.subList(1, lines.size())) { // after the header line
          String[] fields = line.trim().split("\\s+");
          if (fields.length > 9 && fields[3].equals("01") && sockets.contains(fields[9])) {
            established++;
          }
        }
      }
      return established;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return CPU time it has used so far, user and system, in s: {@code utime} and {@code stime} of
   *         {@code /proc/<pid>/stat} at 100 ticks a second (Linux's {@code USER_HZ})
   */
  public double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      // fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
  }

  private String jcmd(String command) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process run = new ProcessBuilder(jcmd, Long.toString(pid()), command).redirectErrorStream(true).start();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted in jcmd " + command, e);
    }
  }

  /** Sends SIGTERM and waits up to 30 s for it to exit, then kills it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
