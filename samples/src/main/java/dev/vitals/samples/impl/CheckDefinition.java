package dev.vitals.samples.impl;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.checks.CheckType;
import io.vertx.core.Vertx;

/**
 * One validated entry of the standalone config's {@code checks} array. Parsing creates nothing; the clients
 * and timers a check needs are created by {@link #register(Vertx, Vertx, CheckRegistry, PassiveChecks)}, so that a
 * config that fails half-way leaves nothing to clean up.
 */
public interface CheckDefinition {

  /** @return the check's name, timeout, TTLs, criticality and tags, as configured */
  CheckOptions options();

  /** @return the check's type as the config names it ({@code http}, {@code passive}, ...) */
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
  CheckType.Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, PassiveChecks passive);
}
