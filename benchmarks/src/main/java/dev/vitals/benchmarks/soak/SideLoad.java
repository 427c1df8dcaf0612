package dev.vitals.benchmarks.soak;

import dev.vitals.health.grpc.test.GrpcHealthClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What runs beside wrk during the soak, from this JVM: Server-Sent Events streams held open on
 * {@code /health/events}, and gRPC {@code grpc.health.v1.Health/Check} calls over one HTTP/2 connection, each loop
 * sending its next call when the last one is answered. Counts what went wrong.
 */
final class SideLoad implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong grpcCalls = new AtomicLong();
  private final AtomicLong grpcErrors = new AtomicLong();
  private final AtomicReference<String> firstGrpcError = new AtomicReference<>();
  private final AtomicLong sseEvents = new AtomicLong();
  private final AtomicLong sseErrors = new AtomicLong();
  private final List<Runnable> closers = new ArrayList<>();

  /**
   * @param port       the server's port on 127.0.0.1
   * @param streams    SSE streams to hold open
   * @param grpcLoops  concurrent gRPC Check loops
   */
  SideLoad(int port, int streams, int grpcLoops) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"),
      new PoolOptions().setHttp1MaxSize(streams));
    for (int i = 0; i < streams; i++) {
      openStream(http);
    }
    GrpcClient grpc = GrpcClient.client(vertx, new GrpcClientOptions(), new HttpClientOptions()
      .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    SocketAddress address = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    for (int i = 0; i < grpcLoops; i++) {
      check(grpc, address);
    }
    closers.add(() -> http.close());
    closers.add(() -> grpc.close());
  }

  private void openStream(HttpClient http) {
    http.request(HttpMethod.GET, "/health/events")
      .compose(request -> request.putHeader("Accept", "text/event-stream").send())
      .onSuccess(response -> {
        if (response.statusCode() != 200) {
          sseErrors.incrementAndGet();
          return;
        }
        response.handler(chunk -> sseEvents.incrementAndGet());
        response.endHandler(v -> {
          if (running.get()) {
            sseErrors.incrementAndGet();
          }
        });
        response.exceptionHandler(e -> {
          if (running.get()) {
            sseErrors.incrementAndGet();
          }
        });
      })
      .onFailure(e -> sseErrors.incrementAndGet());
  }

  private void check(GrpcClient grpc, SocketAddress address) {
    if (!running.get()) {
      return;
    }
    grpc.request(address, GrpcHealthClient.CHECK)
      .compose(request -> request.send(HealthCheckRequest.newBuilder().setService("").build()))
      .compose(response -> response.last().map(message -> problem(response, message)))
      .onComplete(done -> {
        grpcCalls.incrementAndGet();
        String problem = done.failed() ? String.valueOf(done.cause()) : done.result();
        if (problem != null) {
          grpcErrors.incrementAndGet();
          firstGrpcError.compareAndSet(null, problem);
        }
        check(grpc, address);
      });
  }

  /** @return what is wrong with an answer, or {@code null} for OK and SERVING */
  private static String problem(GrpcClientResponse<HealthCheckRequest, HealthCheckResponse> response,
                                HealthCheckResponse message) {
    if (response.status() == GrpcStatus.OK && message.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
      return null;
    }
    return response.status() + " " + response.statusMessage() + ", " + message.getStatus();
  }

  /** @return gRPC Check calls answered so far */
  long grpcCalls() {
    return grpcCalls.get();
  }

  /** @return gRPC Check calls that failed or were not answered SERVING */
  long grpcErrors() {
    return grpcErrors.get();
  }

  /** @return what went wrong with the first failed gRPC call, or {@code null} */
  String firstGrpcError() {
    return firstGrpcError.get();
  }

  /** @return SSE chunks received (events and keep-alive comments) */
  long sseEvents() {
    return sseEvents.get();
  }

  /** @return SSE streams refused, or ended by the server while the soak ran */
  long sseErrors() {
    return sseErrors.get();
  }

  @Override
  public void close() {
    running.set(false);
    closers.forEach(Runnable::run);
    vertx.close().await();
  }
}
