package dev.vitals.health.checks.test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of Debian's {@code redis-server} package on a random loopback port, with a password
 * ({@code requirepass}), no persistence, its directory temporary; stopped and started again on the same port as
 * often as a test wants.
 */
public final class RedisServer implements AutoCloseable {

  /** The server's password. */
  public static final String PASSWORD = "redis-S3cret-pw";

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServer(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  /** @return a started server */
  public static RedisServer start() throws IOException, InterruptedException {
    RedisServer server = new RedisServer(ServerFixture.binary("redis-server", "redis-server"),
      ServerFixture.tempDir("vitals-redis", null), ServerFixture.freePort());
    server.startAgain();
    return server;
  }

  /** Starts the server (again), waiting until it accepts connections. */
  public void startAgain() throws IOException, InterruptedException {
    process = ServerFixture.start(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
      "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--requirepass", PASSWORD), null,
      dir.resolve("server.log"));
    ServerFixture.awaitPort(process, port, dir.resolve("server.log"));
  }

  /** Stops the server, waiting until it has. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /**
   * @param password the password to put in it
   * @return {@code redis://:<password>@127.0.0.1:<port>/0}
   */
  public String uri(String password) {
    return "redis://:" + password + "@127.0.0.1:" + port + "/0";
  }

  /** @return the port it listens on, on 127.0.0.1 */
  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
    ServerFixture.run(List.of("rm", "-rf", dir.toString()), null, Path.of("/dev/null"));
  }
}
