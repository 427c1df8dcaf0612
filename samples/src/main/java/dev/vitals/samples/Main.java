package dev.vitals.samples;

import dev.vitals.health.checks.CheckType;
import dev.vitals.health.fleet.FleetOptions;
import dev.vitals.health.fleet.HazelcastOptions;
import dev.vitals.samples.impl.ConfigOverrides;
import dev.vitals.samples.impl.FleetSection;
import dev.vitals.samples.impl.StandaloneConfig;
import dev.vitals.samples.impl.StandaloneMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.Deployable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The entry point of {@code vitals-samples.jar}: Vert.x's launcher ({@code VertxApplication}, options such as
 * {@code -conf}, {@code -options}, {@code -instances}) running {@link StandaloneVerticle}, with these changes:
 * <ul>
 *   <li>{@code --help} or {@code -h} prints Vitals' usage ({@link #USAGE}) and exits 0;</li>
 *   <li>a {@code -conf} that is neither a readable JSON file nor a JSON object fails at once (exit code 1,
 *       the reason on stderr), where the launcher alone would warn and start with an empty config;</li>
 *   <li>a {@code -conf} file is watched: the verticle reads it again every {@code reload.scanPeriod};</li>
 *   <li>an invalid config, or an address it cannot listen on, is one line on stderr and exit code 15, without
 *       the launcher's stack trace;</li>
 *   <li>a stop by SIGTERM that closes Vert.x cleanly (the verticle drains first) exits with 0, not 143.</li>
 * </ul>
 */
public final class Main {

  static {
    // Before any logger exists: keep logging through the stop (see StopLogging), unless the user chose a manager.
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", StopLogging.class.getName());
    }
  }

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Main.class.getName());

  /**
   * java.util.logging's own shutdown hook resets logging while Vert.x's stops the verticle, so the steps of a
   * SIGTERM stop would not be logged: this manager ignores the reset once the JVM is shutting down (the process
   * then halts; nothing needs closing).
   */
  @SuppressWarnings("exports") // the JVM, not a reader of this module, instantiates it
  public static final class StopLogging extends java.util.logging.LogManager {
    /** Created by {@link java.util.logging.LogManager} when {@code java.util.logging.manager} names this class. */
    public StopLogging() {
    }

    @Override
    public void reset() {
      Thread probe = new Thread(() -> { });
      try {
        Runtime.getRuntime().addShutdownHook(probe);
        Runtime.getRuntime().removeShutdownHook(probe);
      } catch (IllegalStateException shuttingDown) {
        return;
      }
      super.reset();
    }
  }

  /** What {@code --help} prints. */
  static final String USAGE = String.join(System.lineSeparator(),
    "Usage: java -jar vitals-samples.jar [-conf <file or JSON>] [launcher options]",
    "",
    "Vitals: /health, /status, /environment and heartbeats for the checks of a JSON config.",
    "",
    "Options:",
    "  -conf <file|json>   the config, a JSON file (read again every reload.scanPeriod, 2s by default: checks",
    "                      change without a restart) or inline JSON; without it, checks of this machine on",
    "                      http://127.0.0.1:8080/health",
    "  -h, --help          this text",
    "  Vert.x launcher options (-options, -instances, ...) work as usual.",
    "",
    "Environment variables and system properties set any config key, over the file:",
    "  VITALS_<KEY>        the key's path joined by '_', case-insensitive: VITALS_HTTP_PORT=8081 (http.port),",
    "                      VITALS_ADMIN_TOKEN (admin.token), VITALS_HTTP_MAX_IN_FLIGHT (http.maxInFlight)",
    "  -Dvitals.<key>      the key's path joined by '.': -Dvitals.http.port=8081, wins over VITALS_*",
    "  CONSUL_HTTP_ADDR, CONSUL_HTTP_TOKEN, CONSUL_HTTP_TOKEN_FILE, CONSUL_HTTP_SSL, CONSUL_CACERT,",
    "  CONSUL_CLIENT_CERT, CONSUL_CLIENT_KEY",
    "                      maintenance in Consul, as the Consul CLI reads them (the consul section wins)",
    "",
    "Check types (a checks entry's \"type\"): " + String.join(", ", checkTypes()) + ";",
    "  a jar on the class path adds more (dev.vitals.health.checks.CheckType, through ServiceLoader).",
    "",
    "Config reference: docs/configuration.md in the repository.",
    "JSON Schema: " + dev.vitals.samples.impl.ConfigSchema.RESOURCE
      + " in this jar (samples/src/main/resources in the repository);",
    "  add \"$schema\": \"./" + dev.vitals.samples.impl.ConfigSchema.RESOURCE
      + "\" to your config for completion in your editor.",
    "",
    "With \"fleet\": {\"source\": \"cluster\"} in the config, Vert.x is clustered over Hazelcast (fleet.cluster).",
    "",
    "Exit codes: 0 stopped (SIGTERM), 1 unreadable -conf, 15 invalid config or cannot listen (one line on stderr).");

  private Main() {
  }

  /** @return the names of the check types: passive, and those {@link CheckType#available()} finds; sorted */
  private static List<String> checkTypes() {
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    try {
      types.addAll(CheckType.available().keySet());
    } catch (IllegalStateException e) {
      types.add("(" + e.getMessage() + ")");
    }
    types.add("passive");
    return List.copyOf(types);
  }

  /**
   * @param args the launcher's arguments
   */
  public static void main(String[] args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-help")) {
        System.out.println(USAGE);
        System.exit(0);
      }
    }
    Conf conf = readConf(confValue(args));
    if (conf.problem() != null) {
      System.err.println(conf.problem());
      System.exit(1);
    }
    JsonObject effective = withOverrides(conf.json());
    FleetSection fleet = FleetSection.clusteredOf(effective);
    Path confFile = confFile(args);
    List<String> launched = new ArrayList<>(List.of(args));
    if (confFile != null) {
      // The verticle reads the file itself (and again when it changes); the launcher's copy of it would be the
      // deployment's config, kept for as long as the process runs, beside a config that grows with the checks.
      launched = withoutConf(launched);
    }
    if (fleet != null && !launched.contains("-cluster") && !launched.contains("--cluster")) {
      launched.add("-cluster"); // fleet.source cluster: the launcher builds a clustered Vert.x
    }
    new VertxApplication(launched.toArray(String[]::new), new Hooks(confFile, fleet,
      StandaloneMetrics.vertxRegistry(effective), effective)).launch();
  }

  /**
   * @param config the {@code -conf} JSON
   * @return it with the {@code VITALS_*} and {@code -Dvitals.*} overrides over it, as the verticle will read it
   */
  private static JsonObject withOverrides(JsonObject config) {
    try {
      return config.copy().mergeIn(ConfigOverrides.of(System.getenv(), ConfigOverrides.systemProperties()), true);
    } catch (IllegalArgumentException e) {
      return config; // the verticle names the error
    }
  }

  /** @return the {@code -conf} value when it is a file, {@code null} when it is inline JSON or absent */
  static Path confFile(String[] args) {
    String value = confValue(args);
    try {
      return value != null && Files.isRegularFile(Paths.get(value)) ? Paths.get(value) : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** @return the launcher's arguments without {@code -conf} and its value (in any of the forms {@link #confValue} reads) */
  private static List<String> withoutConf(List<String> args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String lower = arg.toLowerCase(java.util.Locale.ROOT);
      if ((lower.equals("-conf") || lower.equals("--conf")) && i + 1 < args.size()) {
        i++;
      } else if (!lower.startsWith("-conf=") && !lower.startsWith("--conf=")) {
        kept.add(arg);
      }
    }
    return kept;
  }

  private static String confValue(String[] args) {
    String value = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ((arg.equalsIgnoreCase("-conf") || arg.equalsIgnoreCase("--conf")) && i + 1 < args.length) {
        value = args[i + 1];
      } else if (arg.toLowerCase(java.util.Locale.ROOT).startsWith("-conf=")
        || arg.toLowerCase(java.util.Locale.ROOT).startsWith("--conf=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      }
    }
    return value;
  }

  /**
   * The {@code -conf} value read once: a JSON file, else inline JSON.
   *
   * @param json    what it holds; empty when there is no {@code -conf} or it cannot be read
   * @param problem why it cannot be read, or {@code null}
   */
  private record Conf(JsonObject json, String problem) {
  }

  private static Conf readConf(String value) {
    if (value == null) {
      return new Conf(new JsonObject(), null);
    }
    String fileError;
    try {
      return new Conf(new JsonObject(Buffer.buffer(Files.readAllBytes(Paths.get(value)))), null);
    } catch (DecodeException e) {
      fileError = "is not a JSON object: " + e.getMessage();
    } catch (IOException | InvalidPathException e) {
      fileError = "cannot be read (" + e + ")";
    }
    try {
      return new Conf(new JsonObject(value), null);
    } catch (DecodeException e) {
      return new Conf(new JsonObject(), "-conf: '" + value + "' " + fileError + ", and is not inline JSON either");
    }
  }

  /**
   * Deploys {@link StandaloneVerticle}; exits 15 with one line on stderr when its config is invalid or it cannot
   * listen; exits 0 once a shutdown (SIGTERM) has closed Vert.x cleanly.
   */
  private static final class Hooks implements VertxApplicationHooks {
    private final Path confFile;
    private final HazelcastOptions cluster;
    /** The fleet's options: with a secret, they name the Hazelcast cluster. */
    private final FleetOptions fleet;
    /** The registry of Vert.x's own metrics, being built since {@code main} read the config; null when off. */
    private final CompletableFuture<PrometheusMeterRegistry> metrics;
    /** The config as read by {@code main}: the connection caps and head deadline are Vert.x's transport. */
    private final JsonObject config;

    Hooks(Path confFile, FleetSection fleet, CompletableFuture<PrometheusMeterRegistry> metrics, JsonObject config) {
      this.confFile = confFile;
      this.cluster = fleet == null ? null : fleet.cluster();
      this.fleet = fleet == null ? null : fleet.options();
      this.metrics = metrics;
      this.config = config;
    }

    @Override
    public Supplier<? extends Deployable> verticleSupplier() {
      return () -> new StandaloneVerticle(System.getenv(), ConfigOverrides.systemProperties(), confFile);
    }

    /**
     * A clustered Vert.x that cannot start (the Hazelcast member's port in use, no interface with its host) is one
     * line and exit code 15, as a config error.
     */
    @Override
    public void afterFailureToStartVertx(HookContext context, Throwable failure) {
      if (cluster != null) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
          cause = cause.getCause();
        }
        System.err.println("/fleet/cluster: the clustered Vert.x did not start on " + cluster.getHost() + ":"
          + cluster.getPort() + ": " + cause.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(15);
      }
    }

    /** Called before the launcher logs the failure with its stack trace: a config error is one line. */
    @Override
    public void afterFailureToDeployVerticle(HookContext context, Throwable failure) {
      if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
        System.err.println(failure.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(15);
      }
    }

    /**
     * With Vert.x's own metrics unless the config turns them off ({@code metrics.vertx}, {@code metrics.enabled}), and
     * the connection caps, the request head deadline and the event bus frame limit in its transport (over the native
     * one when {@code -options} prefers it and it loads).
     */
    @Override
    public VertxBuilder createVertxBuilder(VertxOptions options) {
      Transport base = options.getPreferNativeTransport() && Transport.nativeTransport() != null
        && Transport.nativeTransport().available() ? Transport.nativeTransport() : Transport.NIO;
      VertxBuilder builder = StandaloneMetrics.vertxBuilder(options, metrics)
        .withTransport(StandaloneConfig.launcherTransport(config, base));
      if (cluster == null) {
        return builder;
      }
      // The event bus listens where the Hazelcast member does (loopback by default), not on the first interface.
      try {
        cluster.applyTo(options.getEventBusOptions()); // and mutual TLS with fleet.cluster's certificates
        return builder.withClusterManager(cluster.clusterManager(fleet));
      } catch (IllegalArgumentException e) {
        System.err.println("/fleet/cluster/" + e.getMessage());
        System.err.flush();
        Runtime.getRuntime().halt(15);
        throw e;
      }
    }

    private volatile boolean deployed;

    @Override
    public void afterVerticleDeployed(HookContext context) {
      deployed = true;
    }

    @Override
    public void beforeStoppingVertx(HookContext context) {
      LOG.info("Signal received (SIGTERM or Ctrl-C): stopping");
    }

    /** Called after a shutdown hook closed Vert.x; a failed deployment keeps the launcher's exit code. */
    @Override
    public void afterVertxStopped(HookContext context) {
      if (deployed) {
        LOG.info("Exiting with code 0");
        Runtime.getRuntime().halt(0);
      }
    }
  }
}
