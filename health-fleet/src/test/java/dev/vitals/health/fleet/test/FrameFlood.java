package dev.vitals.health.fleet.test;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw client of a clustered event bus port, as a hostile local process is: it announces a frame of {@code 2,000,000,000}
 * bytes (the 4-byte big-endian length Vert.x's event bus starts each frame with), then streams zeros.
 */
public final class FrameFlood {

  /**
   * @param closed  whether the server closed the connection (end of stream or reset) within 10 s of the length
   * @param written the bytes the client wrote after the length before the close (what socket buffers took), or all
   */
  public record Result(boolean closed, long written) {
  }

  private FrameFlood() {
  }

  /**
   * @param host            the event bus's address
   * @param port            its port
   * @param maxBytes        the most bytes streamed after the length
   * @param whileStreaming  run on the test's thread once streaming has started
   * @return what happened
   */
  public static Result flood(String host, int port, long maxBytes, Runnable whileStreaming) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      new DataOutputStream(out).writeInt(2_000_000_000);
      CompletableFuture<Long> streamed = CompletableFuture.supplyAsync(() -> {
        long sent = 0;
        byte[] chunk = new byte[64 * 1024];
        try {
          while (sent < maxBytes) {
            out.write(chunk);
            sent += chunk.length;
          }
        } catch (IOException closed) {
          // closed by the server
        }
        return sent;
      });
      whileStreaming.run();
      boolean closed = readUntilClosed(socket.getInputStream());
      return new Result(closed, streamed.get(60, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** @return true when the peer closed (end of stream or reset), false when it kept the connection open 10 s */
  private static boolean readUntilClosed(InputStream in) {
    try {
      while (in.read(new byte[1024]) >= 0) {
        // the event bus server writes only pongs
      }
      return true;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
