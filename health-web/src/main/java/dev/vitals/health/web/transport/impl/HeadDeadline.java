package dev.vitals.health.web.transport.impl;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * First in the pipeline of a connection an HTTP server accepted: a deadline for each HTTP/1.x request head, from
 * its first byte to the empty line that ends it, whatever the idle timeout (a client dribbling a byte every few
 * seconds is never idle). A head not complete in time gets {@code 408} with a JSON body and the connection is
 * closed. It reads the bytes as they come, before any decoder, and keeps no copy of them:
 * <ul>
 *   <li>an HTTP/2 connection (the preface, {@code PRI}) and a protocol switch ({@code 101}) drop it: HTTP/2 has its
 *       own limits;</li>
 *   <li>a TLS connection moves it behind the TLS handler, where the heads are plain text (the TLS handshake has
 *       Vert.x's own deadline);</li>
 *   <li>between a complete head and the server's first byte of answer it waits (a body is timed by the request
 *       guard), and a {@code 100 Continue} does not count as that answer.</li>
 * </ul>
 */
public final class HeadDeadline extends ChannelDuplexHandler {

  /** The handler's name in the pipeline. */
  public static final String NAME = "vitals-head-deadline";

  private static final byte[] PREFACE = "PRI".getBytes(StandardCharsets.US_ASCII);
  private static final byte TLS_HANDSHAKE = 0x16;

  private enum State { WAITING, HEAD, ANSWERING }

  private final long timeoutMs;
  private State state = State.WAITING;
  /** The first bytes of the connection, while they may still be the HTTP/2 preface; -1 once decided. */
  private int prefaceMatched;
  /** Characters of the current line, CR aside. */
  private int lineLength;
  /** Lines of the current head with characters (empty lines before a request line are skipped, as Netty does). */
  private int lines;
  private ScheduledFuture<?> timer;

  /** @param timeoutMs the deadline of a head, in ms, from its first byte */
  public HeadDeadline(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf && !read(ctx, (ByteBuf) msg)) {
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** @return whether to pass the bytes on (false only once the deadline closed the connection) */
  private boolean read(ChannelHandlerContext ctx, ByteBuf bytes) {
    if (bytes.readableBytes() == 0) {
      return true;
    }
    if (prefaceMatched == 0 && state == State.WAITING && bytes.getByte(bytes.readerIndex()) == TLS_HANDSHAKE
      && ctx.pipeline().get("ssl") != null) {
      // (on a server without TLS the byte is an HTTP/1.x decoder's skipped control character: the deadline holds)
      ctx.pipeline().addAfter("ssl", NAME + "-tls", new HeadDeadline(timeoutMs));
      ctx.pipeline().remove(this);
      return true;
    }
    if (state == State.ANSWERING) {
      return true;
    }
    if (state == State.WAITING) {
      state = State.HEAD;
      lineLength = 0;
      lines = 0;
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutMs, TimeUnit.MILLISECONDS);
    }
    for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
      byte b = bytes.getByte(i);
      if (prefaceMatched >= 0) {
        if (b != PREFACE[prefaceMatched]) {
          prefaceMatched = -1;
        } else if (++prefaceMatched == PREFACE.length) {
          cancel();
          ctx.pipeline().remove(this); // HTTP/2 with prior knowledge
          return true;
        }
      }
      if (b == '\n') {
        if (lineLength > 0) {
          lines++;
        } else if (lines > 0) {
          cancel(); // the empty line: the head is complete
          state = State.ANSWERING;
          return true;
        }
        lineLength = 0;
      } else if (b != '\r') {
        lineLength++;
      }
    }
    return true;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (state == State.ANSWERING) {
      if (startsWith(msg, "HTTP/1.1 101 ") || startsWith(msg, "HTTP/1.0 101 ")) {
        ctx.pipeline().remove(this); // h2c or WebSocket: no more HTTP/1.x heads
      } else if (!startsWith(msg, "HTTP/1.1 100 ") && !startsWith(msg, "HTTP/1.0 100 ")) {
        state = State.WAITING; // answered: the next byte read starts the next head
      }
    }
    ctx.write(msg, promise);
  }

  private static boolean startsWith(Object msg, String prefix) {
    if (!(msg instanceof ByteBuf)) {
      return false;
    }
    ByteBuf bytes = (ByteBuf) msg;
    return bytes.readableBytes() >= prefix.length()
      && bytes.toString(bytes.readerIndex(), prefix.length(), StandardCharsets.US_ASCII).equals(prefix);
  }

  private void expire(ChannelHandlerContext ctx) {
    if (state != State.HEAD || !ctx.channel().isActive()) {
      return;
    }
    state = State.ANSWERING;
    String body = "{\"error\":\"request head not complete within " + timeoutMs + " ms\",\"status\":408}";
    String answer = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
      + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    ctx.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII))
      .addListener(ChannelFutureListener.CLOSE);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }
}
