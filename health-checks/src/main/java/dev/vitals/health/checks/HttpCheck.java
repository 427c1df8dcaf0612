package dev.vitals.health.checks;

import dev.vitals.health.checks.impl.HttpCheckImpl;
import io.vertx.core.Vertx;

/**
 * {@code GET url}: {@code pass} on any 2xx answer, or on exactly {@code expectedStatus} when it is set;
 * {@code fail} otherwise, and on a connection error or the timeout. Redirects are not followed (a 301 is a 301).
 * Output: {@code GET <url>: <status>}; data: {@code {"url": "...", "statusCode": 200}}. User information in the
 * URL is sent as basic authentication; it and query parameters with a secret name ({@code ?api_key=...}) are
 * masked in outputs and data by the environment dump's scrubbing rules.
 */
public interface HttpCheck extends ResourceCheck {

  /**
   * @param vertx   the Vert.x instance to create the check's HTTP client on
   * @param options what to request and accept
   * @return the check; close it to close its client
   */
  static HttpCheck create(Vertx vertx, HttpCheckOptions options) {
    return new HttpCheckImpl(vertx, new HttpCheckOptions(options));
  }
}
