package dev.vitals.health.alerts.channels.impl;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Where an answer's body goes: its first bytes are kept (for an error message), the rest discarded as it comes. */
final class Snippet implements WriteStream<Buffer> {

  private final int max;
  private final Buffer kept = Buffer.buffer();

  /** @param max the most bytes kept */
  Snippet(int max) {
    this.max = max;
  }

  /** @return the bytes kept, as UTF-8 text on one line */
  String text() {
    return kept.toString().replaceAll("\\s+", " ").trim();
  }

  @Override
  public synchronized Future<Void> write(Buffer data) {
    int room = max - kept.length();
    if (room > 0) {
      kept.appendBuffer(data.length() <= room ? data : data.slice(0, room));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
