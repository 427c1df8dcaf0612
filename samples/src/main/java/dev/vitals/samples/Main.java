package dev.vitals.samples;

import io.vertx.core.Deployable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.function.Supplier;

/**
 * The entry point of {@code vitals-samples.jar}: Vert.x's launcher ({@code VertxApplication}, options such as
 * {@code -conf}, {@code -options}, {@code -instances}) running {@link StandaloneVerticle}, with two changes:
 * <ul>
 *   <li>a {@code -conf} that is neither a readable JSON file nor a JSON object fails at once (exit code 1,
 *       the reason on stderr), where the launcher alone would warn and start with an empty config;</li>
 *   <li>a stop by SIGTERM that closes Vert.x cleanly (the verticle drains first) exits with 0, not 143.</li>
 * </ul>
 */
public final class Main {

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Main.class.getName());

  private Main() {
  }

  /**
   * @param args the launcher's arguments
   */
  public static void main(String[] args) {
    String problem = confProblem(args);
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
    new VertxApplication(args, new Hooks()).launch();
  }

  /** @return why the {@code -conf} value cannot be read, or {@code null} when there is none or it reads */
  static String confProblem(String[] args) {
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
    if (value == null) {
      return null;
    }
    String fileError;
    try {
      new JsonObject(Buffer.buffer(Files.readAllBytes(Paths.get(value))));
      return null;
    } catch (DecodeException e) {
      fileError = "is not a JSON object: " + e.getMessage();
    } catch (IOException | InvalidPathException e) {
      fileError = "cannot be read (" + e + ")";
    }
    try {
      new JsonObject(value);
      return null;
    } catch (DecodeException e) {
      return "-conf: '" + value + "' " + fileError + ", and is not inline JSON either";
    }
  }

  /** Deploys {@link StandaloneVerticle}; exits 0 once a shutdown (SIGTERM) has closed Vert.x cleanly. */
  private static final class Hooks implements VertxApplicationHooks {
    @Override
    public Supplier<? extends Deployable> verticleSupplier() {
      return StandaloneVerticle::new;
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
