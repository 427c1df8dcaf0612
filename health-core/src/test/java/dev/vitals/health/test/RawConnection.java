package dev.vitals.health.test;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;

/**
 * One raw TCP connection to a test server, for what a well-behaved HTTP client cannot send: half-sent requests,
 * pipelining, smuggling shapes. Everything received is kept; the test thread waits for text or for the close.
 */
public final class RawConnection implements AutoCloseable {

  private final NetSocket socket;
  private final StringBuilder received = new StringBuilder();
  private final Promise<Void> closed = Promise.promise();
  private final NetClient client;

  private RawConnection(NetClient client, NetSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(chunk -> {
      synchronized (received) {
        received.append(chunk.toString(StandardCharsets.ISO_8859_1));
      }
    });
    socket.closeHandler(v -> closed.tryComplete());
  }

  /** Connects to 127.0.0.1:port. */
  public static RawConnection open(Vertx vertx, int port) {
    NetClient client = vertx.createNetClient();
    return new RawConnection(client, Await.result(client.connect(port, "127.0.0.1")));
  }

  /** Writes the text as it is (ISO-8859-1). */
  public RawConnection write(String text) {
    Await.result(socket.write(Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1))));
    return this;
  }

  /** @return everything received until the text appears (within {@link Await#LIMIT_MS}), the text included */
  public String awaitText(String text) {
    Await.until(() -> received().contains(text) || closed.future().isComplete(),
      () -> "never received '" + text + "'; got: " + received());
    String got = received();
    if (!got.contains(text)) {
      throw new AssertionError("the connection closed before '" + text + "'; got: " + got);
    }
    return got;
  }

  /** @return everything received; waits (within {@link Await#LIMIT_MS}) until the server closed the connection */
  public String awaitClosed() {
    Await.result(closed.future());
    synchronized (received) {
      return received.toString();
    }
  }

  /** @return whether the server closed the connection */
  public boolean isClosed() {
    return closed.future().isComplete();
  }

  /** @return everything received so far */
  public String received() {
    synchronized (received) {
      return received.toString();
    }
  }

  @Override
  public void close() {
    socket.close();
    Await.result(client.close());
  }
}
