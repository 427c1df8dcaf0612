/**
 * The standard gRPC health service, {@code grpc.health.v1.Health}, served from the same check registry and
 * probes as {@code /health}, on the same HTTP server and port.
 */
@ModuleGen(name = "vitals-health-grpc", groupPackage = "dev.vitals")
package dev.vitals.health.grpc;

import io.vertx.codegen.annotations.ModuleGen;
