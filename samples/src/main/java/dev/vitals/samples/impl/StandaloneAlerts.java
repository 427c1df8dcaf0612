package dev.vitals.samples.impl;

import dev.vitals.health.CheckRegistry;
import dev.vitals.health.alerts.AlertFleet;
import dev.vitals.health.alerts.Alerting;
import dev.vitals.health.alerts.AlertsHandler;
import dev.vitals.health.alerts.AlertsOptions;
import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.alerts.channels.AlertChannels;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The config's {@code alerts} section at work: its channels' sinks, the alerting over the registry, and the
 * {@code /alerts} API. Without {@code alerts.silencesFile}, silences are kept in {@value #SILENCES_FILE} beside the
 * config file (in memory only when the config is not a file), so they outlive a restart.
 */
public final class StandaloneAlerts {

  /** The silences file's name beside the config file, when the section names none. */
  public static final String SILENCES_FILE = "vitals-silences.json";

  private final Vertx vertx;
  private final AlertsOptions options;
  private final Map<String, NotificationSink> sinks;
  private Alerting alerting;
  private AlertsHandler handler;

  private StandaloneAlerts(Vertx vertx, AlertsOptions options, Map<String, NotificationSink> sinks) {
    this.vertx = vertx;
    this.options = options;
    this.sinks = sinks;
  }

  /**
   * @param vertx      the verticle's Vert.x: the alerting's timers and the silences file
   * @param channels   where the channels' clients run: the dependency loop, so that a receiver gone hostile (a
   *                   giant or endless answer, a tarpit) never reaches the event loops that serve the probes
   * @param options    the {@code alerts} section, validated
   * @param configFile the config file, or {@code null} when the config came inline
   * @return the section's channels, ready; the alerting starts with {@link #start}
   */
  public static StandaloneAlerts create(Vertx vertx, Vertx channels, AlertsOptions options, Path configFile) {
    AlertsOptions effective = new AlertsOptions(options);
    if (effective.getSilencesFile() == null && configFile != null) {
      effective.setSilencesFile(configFile.toAbsolutePath().resolveSibling(SILENCES_FILE).toString());
    }
    return new StandaloneAlerts(vertx, effective, AlertChannels.create(channels, effective.getChannels()));
  }

  /**
   * Starts judging the registry's runs, once the silences file is read.
   *
   * @param registry    the checks
   * @param serviceId   {@code application.serviceId}, the instance's name when set, or {@code null}
   * @param hostname    {@code health.hostname}, the instance's name else, or {@code null} for the machine's name
   * @param application {@code application.name}, the {@code application} label, or {@code null}
   * @param fleet       the fleet whose leader sends the alerts, or {@link AlertFleet#alone()}
   * @return a future completed once alerting runs; failed as {@link Alerting#create}
   */
  public Future<Void> start(CheckRegistry registry, String serviceId, String hostname, String application,
                            AlertFleet fleet) {
    return instance(serviceId, hostname)
      .compose(instance -> Alerting.create(vertx, registry, options, sinks, Clock.systemUTC(), instance, application,
        fleet))
      .onSuccess(started -> {
        alerting = started;
        handler = AlertsHandler.create(started);
      })
      .mapEmpty();
  }

  private Future<String> instance(String serviceId, String hostname) {
    if (serviceId != null || hostname != null) {
      return Future.succeededFuture(serviceId != null ? serviceId : hostname);
    }
    return vertx.executeBlocking(() -> {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    });
  }

  /**
   * The {@code /alerts} API ({@link AlertsHandler}); the server listens only once {@link #start} completed, so it
   * never answers before alerting runs (503 if it did).
   *
   * @param ctx a request to {@code /alerts} or below
   */
  public void handle(RoutingContext ctx) {
    if (handler == null) {
      ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", "alerting is starting").put("status", 503).encode());
    } else {
      handler.handle(ctx);
    }
  }

  /** @return the channels' sinks, by name, for their delivery counters */
  public Map<String, NotificationSink> sinks() {
    return sinks;
  }

  /** @return the alerting, or {@code null} before {@link #start} completed */
  public Alerting alerting() {
    return alerting;
  }

  /** @return a future completed once alerting stopped and every channel's sink is closed */
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    if (alerting != null) {
      closing.add(alerting.close());
    }
    sinks.values().forEach(sink -> closing.add(sink.close()));
    return Future.join(closing).mapEmpty();
  }
}
