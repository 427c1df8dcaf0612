package dev.vitals.health.web.transport.impl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.StandardCharsets;

/**
 * First in the pipeline of a connection an HTTP server accepted: when it speaks HTTP/2 with prior knowledge (its
 * first bytes are the connection preface; over TLS, its first decrypted bytes), reads the frame headers as the bytes
 * pass, without copying them, and counts each {@code RST_STREAM} against the client's address in the {@link
 * ResetBudget}. Any other connection drops it at its first bytes. (An HTTP/1.1 connection upgraded to h2c is not
 * counted: Netty's per-connection limit still applies to it.)
 */
public final class ResetCounter extends ChannelInboundHandlerAdapter {

  /** The handler's name in the pipeline. */
  public static final String NAME = "vitals-reset-counter";

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int FRAME_HEADER = 9;
  private static final byte RST_STREAM = 0x3;
  private static final byte TLS_HANDSHAKE = 0x16;

  private final ResetBudget budget;
  /** Preface bytes matched so far; PREFACE.length once in frames. */
  private int preface;
  /** Bytes of the current frame header read so far, and the header itself. */
  private int headerRead;
  private final byte[] header = new byte[FRAME_HEADER];
  /** Payload bytes of the current frame still to skip. */
  private long toSkip;

  /** @param budget the resets per address */
  public ResetCounter(ResetBudget budget) {
    this.budget = budget;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf) {
      scan(ctx, (ByteBuf) msg);
    }
    ctx.fireChannelRead(msg);
  }

  private void scan(ChannelHandlerContext ctx, ByteBuf bytes) {
    int i = bytes.readerIndex();
    int end = bytes.writerIndex();
    if (preface == 0 && i < end && bytes.getByte(i) == TLS_HANDSHAKE && ctx.pipeline().get("ssl") != null) {
      ctx.pipeline().addAfter("ssl", NAME + "-tls", new ResetCounter(budget));
      ctx.pipeline().remove(this);
      return;
    }
    while (i < end && preface < PREFACE.length) {
      if (bytes.getByte(i++) != PREFACE[preface++]) {
        ctx.pipeline().remove(this); // not HTTP/2 with prior knowledge
        return;
      }
      if (preface == PREFACE.length) {
        budget.opened(ctx.channel());
      }
    }
    while (i < end) {
      if (toSkip > 0) {
        int skipped = (int) Math.min(toSkip, end - i);
        toSkip -= skipped;
        i += skipped;
        continue;
      }
      header[headerRead++] = bytes.getByte(i++);
      if (headerRead == FRAME_HEADER) {
        headerRead = 0;
        toSkip = ((header[0] & 0xFFL) << 16) | ((header[1] & 0xFFL) << 8) | (header[2] & 0xFFL);
        if (header[3] == RST_STREAM) {
          budget.reset(ctx.channel());
        }
      }
    }
  }
}
