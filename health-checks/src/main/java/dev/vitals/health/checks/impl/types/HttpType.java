package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.HttpCheck;
import dev.vitals.health.checks.HttpCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "http"}: {@link HttpCheck} on the dependency loop. */
public final class HttpType extends BuiltInType<HttpCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public HttpType() {
    super("http", "GET answers 2xx (or exactly expectedStatus, or one of acceptedStatus) with the body expected; "
      + "slower than maxLatency is warn; user:password@ in the URL is sent as basic auth and masked in outputs",
      HttpCheckOptions::new, HttpCheckOptions::schema);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        HttpCheckOptions options) {
    return Registration.of(registry, check, HttpCheck.create(dependencies, check, options));
  }
}
