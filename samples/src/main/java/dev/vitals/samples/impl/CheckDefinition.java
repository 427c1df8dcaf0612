package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One validated entry of the standalone config's {@code checks} array. Parsing creates nothing; the clients
 * and timers a check needs are created by {@link #register(Vertx, Vertx, CheckRegistry, PassiveChecks)}, so that a
 * config that fails half-way leaves nothing to clean up.
 */
public interface CheckDefinition {

  /** @return the check's name, timeout, TTLs, criticality and tags, as configured */
  CheckOptions options();

  /** @return the check's type as the config names it ({@code http}, {@code tcp}, ...) */
  String type();

  /**
   * Creates what the check needs on the caller's context and registers the check.
   *
   * @param vertx        the Vert.x instance to create timers and in-process probes on (event loop, event bus)
   * @param dependencies the Vert.x instance to create dependency clients on (http, tcp, tls, dns, SQL, Redis):
   *                     the dependency loop, apart from the event loops that serve liveness
   * @param registry the registry to register the check in
   * @param passive  where passive checks are added (they register themselves in the registry)
   * @return what releases those clients and timers; close it once, when the verticle stops
   */
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks passive);

  /** The resources a registered check holds until the verticle stops. */
  @FunctionalInterface
  interface Registration {

    /** A registration that holds nothing. */
    Registration NONE = Future::succeededFuture;

    /** @return a future completed when the resources are released; it does not fail */
    Future<Void> close();

    /** @return a future completed once the check's client is warm (its classes loaded); it does not fail */
    default Future<Void> warmedUp() {
      return Future.succeededFuture();
    }
  }
}
