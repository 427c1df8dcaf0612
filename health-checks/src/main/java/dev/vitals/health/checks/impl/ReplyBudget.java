package dev.vitals.health.checks.impl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * First in the pipeline of a dependency connection: counts the bytes the connection reads since it last wrote, and
 * when a reply goes beyond the budget, drops the rest, fails what the client waits for with {@link
 * ReplyTooLargeException} and closes the connection. A client that buffers a whole message before parsing it (the
 * PostgreSQL and MySQL clients do, for a length the server announces) then holds at most the budget, however long
 * the reply the server announces or streams.
 */
final class ReplyBudget extends ChannelDuplexHandler {

  private final long budget;
  private long read;
  private boolean exceeded;

  /** @param budget the bytes a reply may have */
  ReplyBudget(long budget) {
    this.budget = budget;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf) {
      if (exceeded) {
        ReferenceCountUtil.release(msg);
        return;
      }
      read += ((ByteBuf) msg).readableBytes();
      if (read > budget) {
        exceeded = true;
        ReferenceCountUtil.release(msg);
        ctx.fireExceptionCaught(new ReplyTooLargeException(budget));
        ctx.close();
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    read = 0;
    ctx.write(msg, promise);
  }

  /** A reply longer than the dependency loop's budget: {@code "reply longer than <n> bytes"}. */
  static final class ReplyTooLargeException extends RuntimeException {

    ReplyTooLargeException(long max) {
      super("reply longer than " + max + " bytes", null, false, false);
    }
  }
}
