package dev.vitals.health.checks.test;

import dev.vitals.health.test.LogCapture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

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

  /**
   * Holds back what Vert.x's Redis client logs when its server goes away under it (5.0.10: an "Unhandled Error"
   * from its connection manager, and, with assertions on as in tests, an AssertionError in its connection's end
   * handler), so the build output shows only unexpected traces. Closing it checks that nothing else was logged on
   * those loggers meanwhile.
   *
   * @return the capture; close it once the server is back
   */
  public static AutoCloseable holdBackClientNoise() {
    LogCapture manager = LogCapture.of("io.vertx.redis.client.impl.RedisConnectionManager");
    LogCapture context = LogCapture.of("io.vertx.core.impl.ContextImpl");
    return () -> {
      manager.close();
      context.close();
      for (LogRecord record : context.records()) {
        Throwable thrown = record.getThrown();
        boolean fromRedis = thrown != null && thrown.getStackTrace().length > 0
          && thrown.getStackTrace()[0].getClassName().startsWith("io.vertx.redis.client.");
        if (!fromRedis) {
          throw new AssertionError("unexpected log record: " + record.getLevel() + ": " + record.getMessage(), thrown);
        }
      }
    };
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
