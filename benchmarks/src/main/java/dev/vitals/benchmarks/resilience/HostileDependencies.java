package dev.vitals.benchmarks.resilience;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Issue 23's hostile dependencies (items 2 and 3), on loopback, served from the scenario's JVM on a Vert.x instance of
 * their own with one event loop: a Redis announcing a 2 GB bulk and streaming it, one announcing it and then going
 * silent, a PostgreSQL sending a 2 GB {@code 'R'} message, an HTTP server with an endless chunked body. The same
 * bytes as {@code HostileDependencyTest}'s fakes.
 */
final class HostileDependencies implements AutoCloseable {

  private static final Buffer CHUNK = Buffer.buffer(new byte[64 * 1024]);
  private static final String REDIS_2GB_BULK = "$2000000000\r\n";

  /**
   * One fake server.
   *
   * @param port        its port on 127.0.0.1
   * @param connections connections it accepted
   * @param open        connections open now
   * @param bytes       bytes written to them so far
   */
  record Fake(int port, AtomicLong connections, AtomicInteger open, AtomicLong bytes) {
  }

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

  /** @return a Redis that answers the first command with a 2 GB bulk header and then streams zeros */
  Fake redisStreaming() {
    return tcp((socket, bytes) -> {
      socket.write(REDIS_2GB_BULK);
      stream(socket, bytes);
    });
  }

  /** @return a Redis that answers the first command with a 2 GB bulk header and 1 KB, then nothing more */
  Fake redisThenSilent() {
    return tcp((socket, bytes) -> {
      Buffer reply = Buffer.buffer(REDIS_2GB_BULK).appendBuffer(Buffer.buffer(new byte[1024]));
      bytes.addAndGet(reply.length());
      socket.write(reply);
    });
  }

  /** @return a PostgreSQL that answers the startup message with an {@code 'R'} message 2 GB long, then streams it */
  Fake postgres2Gb() {
    return tcp((socket, bytes) -> {
      socket.write(Buffer.buffer().appendByte((byte) 'R').appendInt(0x7FFF_FFF0));
      stream(socket, bytes);
    });
  }

  /** @return an HTTP server answering every request 200 with a chunked body that never ends, 64 KB a ms at most */
  Fake endlessHttp() {
    AtomicLong connections = new AtomicLong();
    AtomicInteger open = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    int port = await(vertx.createHttpServer()
      .connectionHandler(connection -> {
        connections.incrementAndGet();
        open.incrementAndGet();
        connection.closeHandler(closed -> open.decrementAndGet());
      })
      .requestHandler(request -> {
        request.response().setChunked(true);
        long timer = vertx.setPeriodic(1, id -> {
          if (!request.response().writeQueueFull()) {
            bytes.addAndGet(CHUNK.length());
            request.response().write(CHUNK);
          }
        });
        request.response().closeHandler(closed -> vertx.cancelTimer(timer));
      })
      .listen(0, "127.0.0.1")).actualPort();
    return new Fake(port, connections, open, bytes);
  }

  /** A raw TCP server that counts its connections and answers the first bytes it reads, counting what it writes. */
  private Fake tcp(BiConsumer<NetSocket, AtomicLong> onFirstBytes) {
    AtomicLong connections = new AtomicLong();
    AtomicInteger open = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    int port = await(vertx.createNetServer().connectHandler(socket -> {
      connections.incrementAndGet();
      open.incrementAndGet();
      boolean[] answered = {false};
      socket.closeHandler(closed -> open.decrementAndGet());
      socket.handler(received -> {
        if (!answered[0]) {
          answered[0] = true;
          onFirstBytes.accept(socket, bytes);
        }
      });
    }).listen(0, "127.0.0.1")).actualPort();
    return new Fake(port, connections, open, bytes);
  }

  /**
   * Writes zeros as fast as the peer reads, never more than 16 chunks of 64 KB in one turn of the event loop (a peer
   * that reads as fast as loopback carries would otherwise keep the queue from filling and the loop writing for good),
   * until the peer goes.
   */
  private void stream(NetSocket socket, AtomicLong bytes) {
    boolean[] open = {true};
    socket.endHandler(ended -> open[0] = false);
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      for (int i = 0; i < 16 && open[0] && !socket.writeQueueFull(); i++) {
        bytes.addAndGet(CHUNK.length());
        socket.write(CHUNK);
      }
      if (!open[0]) {
        return;
      }
      if (socket.writeQueueFull()) {
        socket.drainHandler(drained -> pump[0].run());
      } else {
        vertx.setTimer(1, id -> pump[0].run());
      }
    };
    pump[0].run();
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
