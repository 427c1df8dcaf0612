/**
 * {@code grpc.health.v1.Health} ({@code Check} and {@code Watch}) over a {@code HealthHandler}'s probes and its
 * registry's checks, on Vert.x's own gRPC server, so the HTTP server that serves {@code /health} answers gRPC
 * health probes on the same port. The API exposes health-web's and vertx-grpc-server's types (the service is a
 * vertx-grpc {@code Service}), so those modules are read by whoever reads this one.
 */
// protobuf-java is an automatic module (com.google.protobuf), as vertx-grpc itself requires it.
@SuppressWarnings("requires-automatic")
module dev.vitals.health.grpc {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health.web;
  requires transitive io.vertx.grpc.server;
  requires transitive io.vertx.grpc.common;
  requires com.google.protobuf;
  requires java.logging;

  exports dev.vitals.health.grpc;
}
