package dev.vitals.benchmarks;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * {@code GET /gc}: runs a full GC ({@link System#gc()}, twice, so that objects freed by finalization and
 * reference processing of the first one go too) on a worker thread, then answers the heap used, in bytes, as
 * plain text: scenario 5's footprint figure.
 */
public final class HeapAfterGcHandler implements Handler<RoutingContext> {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx().<Long>executeBlocking(() -> {
      System.gc();
      System.gc();
      return memory.getHeapMemoryUsage().getUsed();
    }).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(ar.result() + "\n");
    });
  }
}
