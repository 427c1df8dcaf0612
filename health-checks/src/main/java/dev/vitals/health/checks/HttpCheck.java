package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.HttpCheckImpl;
import io.vertx.core.Vertx;

/**
 * {@code GET url}: {@code pass} on any 2xx answer, on exactly {@code expectedStatus}, or on one of
 * {@code acceptedStatus}, when they are set, and when the body meets {@code bodyContains} and
 * {@code jsonPointer}/{@code jsonValue}; {@code warn} when all that holds but the answer took longer than
 * {@code maxLatency}; {@code fail} otherwise, and on a connection error or the timeout, which counts from the
 * run's start, connecting and a TLS handshake included. Redirects are followed only
 * with {@code followRedirects}. Output: {@code GET <url>: <status>}, with what was not met; data:
 * {@code {"url": "...", "statusCode": 200, "latencyMs": 3.1}}. User information in the
 * URL is sent as basic authentication; it and query parameters with a secret name ({@code ?api_key=...}) are
 * masked in outputs and data by health-core's {@code Scrubber} (the environment dump's rules). The client is warmed at creation
 * ({@link #warmedUp()}), so that class loading is not counted against the first run's timeout.
 */
public interface HttpCheck extends ResourceCheck {

  /**
   * @param vertx   the Vert.x instance to create the check's HTTP client on (a {@link DependencyLoop}'s keeps its I/O
   *                off the application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, after which
   *                the exchange's connection is closed (and its connect timeout)
   * @param options what to request and accept
   * @return the check; close it to close its client
   * @throws IllegalArgumentException {@code url: required field missing}, or {@code jsonValue: required with
   *                                  jsonPointer} (and the other way round)
   */
  static HttpCheck create(Vertx vertx, CheckOptions check, HttpCheckOptions options) {
    HttpCheckOptions copy = new HttpCheckOptions(options);
    copy.validate();
    return new HttpCheckImpl(vertx, copy, check.getTimeout());
  }
}
