package dev.vitals.samples.impl;

import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.MaintenanceSource;
import dev.vitals.health.fleet.ClusterFleet;
import dev.vitals.health.fleet.FleetSource;
import dev.vitals.health.fleet.FleetView;
import dev.vitals.health.fleet.LocalNode;
import dev.vitals.health.fleet.Quorum;
import dev.vitals.health.web.fleet.FleetHandler;
import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.probes.HealthHandler;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.probes.ProbeOptions;
import dev.vitals.health.web.status.MaintenanceHandler;
import dev.vitals.status.consul.ConsulFleet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The standalone verticle's fleet: the {@code cluster} check, {@code GET /health/fleet}, and fleet maintenance,
 * over a clustered Vert.x ({@code fleet.source: cluster}).
 */
public final class StandaloneFleet {

  /** The name of the cluster check registered with the cluster source. */
  public static final String CLUSTER_CHECK = "cluster";
  /** The path of the fleet view. */
  public static final String PATH = "/health/fleet";

  private static final Logger LOG = Logger.getLogger(StandaloneFleet.class.getName());

  private final Vertx vertx;
  private final FleetSection section;
  private volatile FleetHandler handler;
  private volatile FleetSource source;
  private boolean started;

  private StandaloneFleet(Vertx vertx, FleetSection section) {
    this.vertx = vertx;
    this.section = section;
  }

  /**
   * @return why the section cannot run on this Vert.x, as {@code "/fleet/source: ..."}, or {@code null} when it can
   */
  public static IllegalArgumentException problem(Vertx vertx, FleetSection section) {
    if (section.source() == FleetSection.Source.CLUSTER && !vertx.isClustered()) {
      return new IllegalArgumentException("/fleet/source: 'cluster' needs a clustered Vert.x; start the verticle"
        + " with vitals-samples.jar's launcher (java -jar), which clusters it, or deploy it on a clustered Vert.x");
    }
    return null;
  }

  /**
   * Registers the cluster check and mounts {@code /health/fleet} (answering 503 until {@link #start} joined):
   * call before the {@code /health*} route, after {@link #problem} found none.
   *
   * @return the fleet, to start once the server listens
   */
  public static StandaloneFleet mount(Vertx vertx, FleetSection section, Router router, CheckRegistry registry) {
    if (section.source() == FleetSection.Source.CLUSTER) {
      registry.register(new CheckOptions(CLUSTER_CHECK).setCritical(false),
        ClusterFleet.clusterCheck(vertx, section.options().getMinMembers()));
    }
    StandaloneFleet fleet = new StandaloneFleet(vertx, section);
    router.route(PATH).handler(fleet::handle);
    return fleet;
  }

  private void handle(RoutingContext ctx) {
    FleetHandler current = handler;
    if (current == null) {
      JsonErrorHandler.send(ctx, 503, "Joining the fleet");
    } else {
      current.handle(ctx);
    }
  }

  /**
   * Joins the fleet once the server listens: the cluster source ({@code ?scope=fleet} maintenance with it) or the
   * Consul source.
   *
   * @param config        the validated config: the fleet section, the Consul agent and service, the {@code health}
   *                      probe whose detail rules the fleet view and this instance's published status follow
   * @param port          the port the server listens on, part of this instance's name
   * @param authenticated who sees failing checks' outputs when the health probe's {@code failureDetails} is
   *                      {@code authenticated}, or {@code null}
   * @return a future completed once joined; failed with an {@link IllegalArgumentException} when another
   * verticle instance of this Vert.x has a fleet already ({@code -instances} above 1)
   */
  public Future<Void> start(StandaloneConfig config, HealthHandler health, CheckRegistry registry,
                            MaintenanceSource maintenance, MaintenanceHandler maintenanceHandler, int port,
                            Predicate<RoutingContext> authenticated) {
    // One fleet member per Vert.x: instances of the verticle would share the node id, each with a maintenance
    // source of its own.
    if (vertx.sharedData().getLocalMap(StandaloneFleet.class.getName()).putIfAbsent("started", true) != null) {
      return Future.failedFuture(new IllegalArgumentException("/fleet: one verticle instance per JVM has the "
        + "fleet; start vitals-samples.jar with -instances 1 (the default)"));
    }
    started = true;
    ProbeOptions healthProbe = config.health().getProbe(HealthHandlerOptions.HEALTH);
    Future<FleetSource> joined;
    if (section.source() == FleetSection.Source.CONSUL) {
      joined = Future.succeededFuture(ConsulFleet.create(vertx, config.consul().client(), config.consul().service(),
        section.options()));
    } else {
      joined = instanceName(config.application(), config.host(), port).compose(instance -> {
        LocalNode local = FleetHandler.localNode(health, registry, maintenance,
          config.application().resolved().getName(), instance, healthProbe);
        return ClusterFleet.start(vertx, local, maintenance, section.options()).map(cluster -> {
          maintenanceHandler.fleet(cluster);
          LOG.info(() -> "Joined the fleet as " + instance + " (node " + cluster.nodeId() + "): " + PATH);
          if (section.options().getSecret() == null) {
            LOG.warning(() -> "Fleet: no fleet.secret: messages are not signed, so any process that joins the "
              + "cluster (on this host: " + section.cluster().getHost() + ") can forge statuses and switch this "
              + "instance's maintenance; set fleet.secret (or VITALS_FLEET_SECRET) on every instance");
          }
          return cluster;
        });
      });
    }
    return joined.map(fleet -> {
      source = fleet;
      handler = FleetHandler.create(fleet, section.options().quorum()).detail(healthProbe)
        .authenticatedBy(authenticated == null ? ctx -> false : authenticated);
      if (section.source() == FleetSection.Source.CONSUL) {
        LOG.info(() -> "Fleet from Consul service '" + config.consul().service() + "': " + PATH);
      }
      return null;
    });
  }

  /** The service id when there is one, else host:port with the machine's name for a wildcard host. */
  private Future<String> instanceName(ApplicationOptions application, String host, int port) {
    if (application.getServiceId() != null) {
      return Future.succeededFuture(application.getServiceId());
    }
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return Future.succeededFuture(host + ":" + port);
    }
    return vertx.executeBlocking(() -> {
      try {
        return InetAddress.getLocalHost().getHostName() + ":" + port;
      } catch (UnknownHostException e) {
        return host + ":" + port;
      }
    });
  }

  /**
   * @return the fleet as {@code /health/fleet} gives it ({@code FleetView.toJson}), for the dashboard's fleet view;
   * empty and stale until joined
   */
  public io.vertx.core.json.JsonObject viewJson() {
    return source().view().toJson(quorum());
  }

  /** @return the quorum {@code /health/fleet} answers 200 at */
  public Quorum quorum() {
    return section.options().quorum();
  }

  /**
   * @return the fleet as a source from now on, for meters bound before it joins: until then (and after
   * {@link #close()}) its view is empty and stale, with error {@code joining the fleet}
   */
  public FleetSource source() {
    return new FleetSource() {
      @Override
      public FleetView view() {
        FleetSource joined = source;
        return joined != null ? joined.view() : new FleetView(section.source().name().toLowerCase(java.util.Locale.ROOT),
          java.util.List.of(), java.time.Instant.now(), true, "joining the fleet");
      }

      @Override
      public long rejectedMessages() {
        FleetSource joined = source;
        return joined == null ? 0 : joined.rejectedMessages();
      }

      @Override
      public FleetSource addListener(io.vertx.core.Handler<FleetView> listener) {
        throw new UnsupportedOperationException("listen to the joined source");
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }

  /** @return a future completed once the fleet is left */
  public Future<Void> close() {
    handler = null;
    if (started) {
      vertx.sharedData().getLocalMap(StandaloneFleet.class.getName()).remove("started");
      started = false;
    }
    return source == null ? Future.succeededFuture() : source.close();
  }
}
