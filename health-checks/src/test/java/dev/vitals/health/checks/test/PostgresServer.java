package dev.vitals.health.checks.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PostgreSQL server of Debian's {@code postgresql} package on a random loopback port, its data in a temporary
 * directory: {@code initdb} with a password (SCRAM) for the user {@code postgres}, then {@code pg_ctl start} and
 * {@code stop} as often as a test wants, on the same port. Every statement and every connection is logged
 * ({@code log_statement=all}, {@code log_connections=on}) so a test can count the queries the server ran and the
 * connections it accepted. As root it runs as the package's {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

  /** The password of the user {@code postgres}. */
  public static final String PASSWORD = "pg-S3cret-pw";
  private static final String USER = "postgres";

  private final Path pgCtl;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final int port;

  private PostgresServer(Path pgCtl, Path dir, int port) {
    this.pgCtl = pgCtl;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("server.log");
    this.port = port;
  }

  /** @return a started server */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path initdb = ServerFixture.binary("initdb", "postgresql", "/usr/lib/postgresql");
    Path pgCtl = initdb.resolveSibling("pg_ctl");
    Path dir = ServerFixture.tempDir("vitals-pg", USER);
    Path pwfile = dir.resolve("pw");
    Files.writeString(pwfile, PASSWORD);
    if (ServerFixture.root()) {
      ServerFixture.run(List.of("chown", USER, pwfile.toString()), null, dir.resolve("chown.log"));
    }
    PostgresServer server = new PostgresServer(pgCtl, dir, ServerFixture.freePort());
    ServerFixture.run(List.of(initdb.toString(), "-D", server.data.toString(), "-U", USER, "--pwfile=" + pwfile,
      "--auth=scram-sha-256", "--no-sync", "--encoding=UTF8", "--locale=C"), USER, dir.resolve("initdb.log"));
    server.startAgain();
    return server;
  }

  /** Starts the server (again), waiting until it accepts connections. */
  public void startAgain() throws IOException, InterruptedException {
    ServerFixture.run(List.of(pgCtl.toString(), "start", "-w", "-D", data.toString(), "-l", log.toString(), "-o",
      "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c log_statement=all -c log_connections=on"
        + " -c max_connections=20 -c shared_buffers=16MB"), USER, dir.resolve("pg_ctl.log"));
  }

  /** Stops the server, waiting until it has (connections are closed at once). */
  public void stop() throws IOException, InterruptedException {
    ServerFixture.run(List.of(pgCtl.toString(), "stop", "-w", "-m", "fast", "-D", data.toString()), USER,
      dir.resolve("pg_ctl.log"));
  }

  /** @return the port it listens on, on 127.0.0.1 */
  public int port() {
    return port;
  }

  /**
   * @param password the password to put in it
   * @return {@code postgres://postgres:<password>@127.0.0.1:<port>/postgres}
   */
  public String uri(String password) {
    return "postgres://" + USER + ":" + password + "@127.0.0.1:" + port + "/postgres";
  }

  /**
   * @param statement a statement's text
   * @return how many times the server's log shows it run so far
   */
  public long executions(String statement) throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains("statement: " + statement)).count();
    }
  }

  /**
   * @return how many connections the server's log shows authorized so far
   */
  public long connections() throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains("connection authorized")).count();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      try {
        stop();
      } catch (IllegalStateException alreadyStopped) {
        // stopped by the test: nothing more to stop
      }
      ServerFixture.run(List.of("rm", "-rf", dir.toString()), null, Path.of("/dev/null"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the server", e);
    }
  }
}
