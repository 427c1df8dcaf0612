package dev.vitals.health.fleet.impl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * First in the pipeline of a connection the clustered event bus accepted: reads the 4-byte big-endian length that
 * starts each of its frames as the bytes pass (keeping no copy of them) and closes the connection when one announces
 * more than the bound, or nothing: Vert.x would otherwise buffer whatever size a peer announces, on the event loop,
 * before anything of the message is checked. On a TLS server it moves behind the TLS handler on the first read (the
 * lengths are inside the records).
 */
public final class FrameLimit extends ChannelInboundHandlerAdapter {

  /** The handler's name in the pipeline. */
  public static final String NAME = "vitals-frame-limit";

  private static final Logger LOG = Logger.getLogger("dev.vitals.health.fleet.EventBusFrameLimit");
  /** One line per peer address a minute, one per 10 s in all, for every connection of the process. */
  private static final KeyedBurstLog REFUSED = new KeyedBurstLog(LOG, Clock.systemUTC(), 60_000, 10_000);

  private final int maxFrame;
  private final boolean tls;
  /** Once a frame announced too much: whatever still arrives is dropped while the connection closes. */
  private boolean refused;
  /** Bytes of the current frame still to pass, once its length is read. */
  private long remaining;
  /** The length being read, and how many of its 4 bytes were read. */
  private int length;
  private int lengthBytes;

  /**
   * @param maxFrame the most bytes a frame may announce
   * @param tls      whether the server runs TLS (the handler then moves behind it)
   */
  public FrameLimit(int maxFrame, boolean tls) {
    this.maxFrame = maxFrame;
    this.tls = tls;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (tls) {
      if (ctx.pipeline().get("ssl") != null) {
        ctx.pipeline().addAfter("ssl", NAME + "-tls", new FrameLimit(maxFrame, false));
        ctx.pipeline().remove(this);
      }
      ctx.fireChannelRead(msg); // TLS records, not frames
      return;
    }
    if (msg instanceof ByteBuf bytes && !read(bytes)) {
      bytes.release();
      refuse(ctx);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** @return false when a frame announces too much (or nothing) */
  private boolean read(ByteBuf bytes) {
    int at = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (at < end) {
      if (remaining > 0) {
        int skipped = (int) Math.min(remaining, end - at);
        at += skipped;
        remaining -= skipped;
        continue;
      }
      length = (length << 8) | (bytes.getByte(at++) & 0xff);
      if (++lengthBytes == 4) {
        if (length <= 0 || length > maxFrame) {
          return false;
        }
        remaining = length;
        length = 0;
        lengthBytes = 0;
      }
    }
    return true;
  }

  private void refuse(ChannelHandlerContext ctx) {
    int announced = length;
    refused = true;
    ctx.close();
    SocketAddress peer = ctx.channel().remoteAddress();
    String host = peer instanceof InetSocketAddress inet && inet.getAddress() != null
      ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    REFUSED.log(host, () -> "Event bus: closed a connection from " + peer + ": a frame announced "
      + Integer.toUnsignedString(announced) + " bytes, more than " + maxFrame + " (at most one line per peer address "
      + "a minute)");
  }
}
