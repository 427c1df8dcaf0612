package dev.vitals.health.checks.test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the real-server fixtures share: finding a server binary from a Debian package, a free loopback port, a
 * temporary directory the server may write, and running a command as a user the server accepts (PostgreSQL
 * refuses root: as root, commands run as the {@code postgres} user the Debian package creates).
 */
public final class ServerFixture {

  private ServerFixture() {
  }

  /**
   * @param name     the binary's name
   * @param pkg      the Debian package that brings it, named in the failure
   * @param libGlobs directories to look in before PATH, such as {@code /usr/lib/postgresql} (each version's
   *                 {@code bin}, the newest first)
   * @return the binary's path
   * @throws IllegalStateException {@code <name> not found: apt-get install -y <pkg>} when it is nowhere
   */
  public static Path binary(String name, String pkg, String... libGlobs) {
    for (String lib : libGlobs) {
      Path root = Paths.get(lib);
      if (Files.isDirectory(root)) {
        try (Stream<Path> versions = Files.list(root)) {
          Path found = versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
            .max(Comparator.comparing(Path::toString)).orElse(null);
          if (found != null) {
            return found;
          }
        } catch (IOException e) {
          throw new IllegalStateException("cannot list " + root, e);
        }
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Paths.get(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(name + " not found: install the Debian package " + pkg
      + " (apt-get install -y " + pkg + ")");
  }

  /** @return a port free on 127.0.0.1 at the time of the call */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** @return whether this JVM runs as root */
  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * @param prefix the directory's name prefix
   * @param owner  the user to own it when running as root, or {@code null}
   * @return a new temporary directory
   */
  static Path tempDir(String prefix, String owner) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(prefix);
    if (owner != null && root()) {
      run(List.of("chown", "-R", owner, dir.toString()), null, dir.resolve("chown.log"));
    }
    return dir;
  }

  /**
   * Runs a command to its end.
   *
   * @param command the command
   * @param user    the user to run it as when this JVM runs as root ({@code runuser -u}), or {@code null}
   * @param log     where its output goes
   * @throws IllegalStateException with the command's output when it exits with another code than 0
   */
  static void run(List<String> command, String user, Path log) throws IOException, InterruptedException {
    Process process = start(command, user, log);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  /**
   * Waits until a started server accepts connections on 127.0.0.1.
   *
   * @param process the server's process
   * @param port    its port
   * @param log     its log, shown when it does not start
   * @throws IllegalStateException when the process ends or the port stays closed for 60 s
   */
  static void awaitPort(Process process, int port, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("the server did not start on port " + port + ": " + Files.readString(log));
        }
        Thread.sleep(20);
      }
    }
  }

  /**
   * @param command the command
   * @param user    the user to run it as when this JVM runs as root, or {@code null}
   * @param log     where its output goes (appended)
   * @return the started process
   */
  static Process start(List<String> command, String user, Path log) throws IOException {
    List<String> full = new ArrayList<>();
    if (user != null && root()) {
      full.addAll(List.of("runuser", "-u", user, "--"));
    }
    full.addAll(command);
    return new ProcessBuilder(full).redirectErrorStream(true)
      .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }
}
