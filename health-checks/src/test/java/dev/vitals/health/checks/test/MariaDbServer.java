package dev.vitals.health.checks.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of Debian's {@code mariadb-server} package on a random loopback port, its data in a temporary
 * directory, with the user {@code monitor} and a password; stopped and started again on the same port as often as
 * a test wants. As root it runs as the package's {@code mysql} user.
 */
public final class MariaDbServer implements AutoCloseable {

  /** The password of the user {@code monitor}. */
  public static final String PASSWORD = "maria-S3cret-pw";
  private static final String OWNER = "mysql";

  private final Path mariadbd;
  private final Path dir;
  private final int port;
  private Process process;

  private MariaDbServer(Path mariadbd, Path dir, int port) {
    this.mariadbd = mariadbd;
    this.dir = dir;
    this.port = port;
  }

  /** @return a started server */
  public static MariaDbServer start() throws IOException, InterruptedException {
    Path mariadbd = ServerFixture.binary("mariadbd", "mariadb-server");
    Path install = ServerFixture.binary("mariadb-install-db", "mariadb-server");
    Path dir = ServerFixture.tempDir("vitals-mariadb", OWNER);
    Files.writeString(dir.resolve("init.sql"), "CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY '" + PASSWORD
      + "';\nGRANT ALL ON *.* TO 'monitor'@'%';\n");
    if (ServerFixture.root()) {
      ServerFixture.run(List.of("chown", "-R", OWNER, dir.toString()), null, Path.of("/dev/null"));
    }
    ServerFixture.run(List.of(install.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
      "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + OWNER), null, dir.resolve("install.log"));
    MariaDbServer server = new MariaDbServer(mariadbd, dir, ServerFixture.freePort());
    server.startAgain();
    return server;
  }

  /** Starts the server (again), waiting until it accepts connections. */
  public void startAgain() throws IOException, InterruptedException {
    Path log = dir.resolve("server.log");
    process = ServerFixture.start(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
      "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"),
      "--pid-file=" + dir.resolve("pid"), "--user=" + OWNER, "--init-file=" + dir.resolve("init.sql"),
      "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--skip-name-resolve"), null, log);
    ServerFixture.awaitPort(process, port, log);
  }

  /** Stops the server, waiting until it has. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /**
   * @param password the password to put in it
   * @return {@code mysql://monitor:<password>@127.0.0.1:<port>/mysql}
   */
  public String uri(String password) {
    return "mysql://monitor:" + password + "@127.0.0.1:" + port + "/mysql";
  }

  /** @return the port it listens on, on 127.0.0.1 */
  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
      ServerFixture.run(List.of("rm", "-rf", dir.toString()), null, Path.of("/dev/null"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the server", e);
    }
  }
}
