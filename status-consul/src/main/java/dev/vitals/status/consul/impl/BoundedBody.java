package dev.vitals.status.consul.impl;

import dev.vitals.status.consul.ConsulException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * An answer body read into memory up to a bound: beyond it the rest is read and dropped (so that the connection
 * stays usable) and the call fails with {@code Consul answered more than <n> bytes for <path>}.
 */
final class BoundedBody implements BodyCodec<Buffer> {

  private final String path;
  private final long max;

  /**
   * @param path the path asked, for the message
   * @param max  the largest body kept, in bytes
   */
  BoundedBody(String path, long max) {
    this.path = path;
    this.max = max;
  }

  /**
   * @param failure why a call failed
   * @return the bound's exception when that is why (the web client may wrap it), else {@code null}
   */
  static ConsulException cause(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof ConsulException consul) {
        return consul;
      }
    }
    return null;
  }

  @Override
  public BodyStream<Buffer> stream() {
    return new BodyStream<>() {
      private final Buffer body = Buffer.buffer();
      private final Promise<Buffer> result = Promise.promise();
      private boolean over;

      @Override
      public Future<Buffer> result() {
        return result.future();
      }

      @Override
      public void handle(Throwable failure) {
        result.tryFail(failure);
      }

      @Override
      public Future<Void> write(Buffer data) {
        if (!over && body.length() + (long) data.length() > max) {
          over = true;
        }
        if (!over) {
          body.appendBuffer(data);
        }
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> end() {
        if (over) {
          result.tryFail(new ConsulException("Consul answered more than " + max + " bytes for " + path, 200));
        } else {
          result.tryComplete(body);
        }
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
    };
  }
}
