package dev.vitals.health.grpc.test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vitals.health.test.Await.failure;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;

/**
 * A gRPC health client for tests: Vert.x's gRPC client with the protoc-generated {@code grpc.health.v1} messages
 * of vertx-grpc-health, so what a server sends is read by code other than the server's own codec. Calls wait
 * with {@code Await}'s limit.
 */
public final class GrpcHealthClient implements AutoCloseable {

  private static final ServiceName HEALTH = ServiceName.create("grpc.health.v1.Health");
  /** {@code grpc.health.v1.Health/Check}. */
  public static final ServiceMethod<HealthCheckResponse, HealthCheckRequest> CHECK = ServiceMethod.client(
    HEALTH, "Check", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckResponse.newBuilder()));
  /** {@code grpc.health.v1.Health/Watch}. */
  public static final ServiceMethod<HealthCheckResponse, HealthCheckRequest> WATCH = ServiceMethod.client(
    HEALTH, "Watch", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckResponse.newBuilder()));

  private final GrpcClient client;
  private final SocketAddress address;

  /**
   * @param vertx the test's Vert.x
   * @param port  the server's port on 127.0.0.1, asked over cleartext HTTP/2 (prior knowledge)
   */
  public GrpcHealthClient(Vertx vertx, int port) {
    this(vertx, "127.0.0.1", port, new HttpClientOptions());
  }

  /**
   * @param vertx   the test's Vert.x
   * @param host    the server's host
   * @param port    the server's port
   * @param options the HTTP client's options (TLS, trust); HTTP/2 is set here, with ALPN under TLS
   */
  public GrpcHealthClient(Vertx vertx, String host, int port, HttpClientOptions options) {
    HttpClientOptions http2 = new HttpClientOptions(options).setProtocolVersion(HttpVersion.HTTP_2)
      .setHttp2ClearTextUpgrade(false).setUseAlpn(options.isSsl());
    client = GrpcClient.client(vertx, new GrpcClientOptions(), http2);
    address = SocketAddress.inetSocketAddress(port, host);
  }

  /** What a Check was answered: the gRPC status and message, and the serving status when OK. */
  public record Answer(GrpcStatus status, String message, ServingStatus serving) {
  }

  /**
   * @param service the service asked for
   * @return the answer; the call failing at the HTTP level fails the test
   */
  public Answer check(String service) {
    GrpcClientResponse<HealthCheckRequest, HealthCheckResponse> response = result(send(CHECK, service));
    Future<HealthCheckResponse> last = response.last();
    HealthCheckResponse message = result(last.otherwiseEmpty());
    return new Answer(response.status(), response.statusMessage(), message == null ? null : message.getStatus());
  }

  /**
   * @param service the service asked for
   * @return the serving status, the call having ended OK
   * @throws AssertionError when it did not
   */
  public ServingStatus serving(String service) {
    Answer answer = check(service);
    if (answer.status() != GrpcStatus.OK) {
      throw new AssertionError("Check of '" + service + "' ended " + answer.status() + ": " + answer.message());
    }
    return answer.serving();
  }

  /**
   * @param service the service asked for
   * @return the failure of a Check that cannot be made (server gone, refused at the HTTP level)
   */
  public Throwable checkFails(String service) {
    return failure(send(CHECK, service).compose(GrpcClientResponse::last));
  }

  /**
   * @param service the service to watch
   * @return the open stream, recording what it receives
   */
  public Watching watch(String service) {
    return new Watching(service);
  }

  private Future<GrpcClientResponse<HealthCheckRequest, HealthCheckResponse>> send(
    ServiceMethod<HealthCheckResponse, HealthCheckRequest> method, String service) {
    return client.request(address, method)
      .compose(request -> request.send(HealthCheckRequest.newBuilder().setService(service).build()));
  }

  /** A Watch stream and what it received. */
  public final class Watching {
    private final List<ServingStatus> received = new CopyOnWriteArrayList<>();
    private final GrpcClientRequest<HealthCheckRequest, HealthCheckResponse> request;
    private final GrpcClientResponse<HealthCheckRequest, HealthCheckResponse> response;
    private volatile boolean ended;

    private Watching(String service) {
      request = result(client.request(address, WATCH));
      // The handlers are set on the event loop as the headers arrive, before any message can: registered before
      // the request is sent, so that a quick answer cannot arrive before them.
      Future<GrpcClientResponse<HealthCheckRequest, HealthCheckResponse>> answered = request.response().map(answer -> {
        answer.handler(message -> received.add(message.getStatus()));
        answer.endHandler(v -> ended = true);
        answer.exceptionHandler(e -> ended = true);
        return answer;
      });
      request.end(HealthCheckRequest.newBuilder().setService(service).build());
      response = result(answered);
    }

    /** @return the statuses received so far */
    public List<ServingStatus> received() {
      return List.copyOf(received);
    }

    /**
     * Waits until exactly these statuses were received.
     *
     * @param statuses the statuses, in order
     */
    public void awaitReceived(ServingStatus... statuses) {
      until(() -> received.equals(List.of(statuses)),
        () -> "Watch received " + received + ", expected " + List.of(statuses));
    }

    /** @return the gRPC status the stream ended with, waiting for its end */
    public GrpcStatus awaitEnd() {
      until(() -> ended, () -> "Watch stream still open");
      return response.status();
    }

    /** @return whether the stream ended */
    public boolean ended() {
      return ended;
    }

    /** Cancels the stream, as a client going away. */
    public void cancel() {
      request.cancel();
    }
  }

  @Override
  public void close() {
    result(client.close());
  }
}
