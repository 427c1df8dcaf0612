package dev.vitals.health.web.probes;

import dev.vitals.health.HealthReport;
import io.vertx.core.buffer.Buffer;
import dev.vitals.health.web.probes.impl.HealthJsonFormat;
import dev.vitals.health.web.probes.impl.VertxFormat;
import dev.vitals.health.web.probes.impl.VitalsFormat;

/**
 * A body format of {@link HealthHandler}, chosen by the request's {@code Accept} header (by {@link #mediaType()})
 * or its {@code ?format=} parameter (by {@link #name()}). Register further ones with
 * {@link HealthHandler#addFormat(HealthFormat)}.
 */
public interface HealthFormat {

  /**
   * py-healthcheck's body, extended; {@code application/json}, {@code ?format=vitals}. The default. Shape in
   * {@link HealthHandler}.
   *
   * @return a new instance of the format (it keeps the JSON of the results it rendered, to reuse)
   */
  static HealthFormat vitals() {
    return new VitalsFormat();
  }

  /**
   * Exactly what vertx-health-check's {@code CheckResult.toJson()} gives ({@code status} UP/DOWN, nested
   * {@code checks}, {@code outcome}); {@code application/vnd.vertx.health+json}, {@code ?format=vertx}.
   *
   * @return the format
   */
  static HealthFormat vertx() {
    return VertxFormat.INSTANCE;
  }

  /**
   * The IETF draft "Health Check Response Format for HTTP APIs" (draft-inadarei-api-health-check-06);
   * {@code application/health+json}, {@code ?format=health+json}:
   * <pre>{@code
   * {"status": "pass" | "warn" | "fail", "version": "...", "releaseId": "...", "serviceId": "...",
   *  "description": "...", "output": "...",            // output only when not passing
   *  "checks": {"db:responseTime": [{"componentId": "db", "componentType": "component",
   *             "observedValue": 4.2, "observedUnit": "ms", "status": "pass",
   *             "time": "2026-11-21T12:00:00Z", "output": "..."}]}}   // output only when not passing
   * }</pre>
   *
   * @return the format
   */
  static HealthFormat healthJson() {
    return HealthJsonFormat.INSTANCE;
  }

  /** @return the value of {@code ?format=} that selects it, such as {@code vitals} */
  String name();

  /** @return the media type it answers with and that {@code Accept} selects it by, such as {@code application/json} */
  String mediaType();

  /**
   * @param report  the checks to show, already trimmed to {@link FormatContext#detail()}
   * @param context host name, application, detail level
   * @return the body, as sent (a {@code Buffer}, so that a format can reuse encoded bytes); it must depend on
   * the arguments only, and not be changed after it is returned: the handler renders a body once per change and
   * sends the same bytes to every request until one of the results it shows changes (a new result, a result
   * turning stale, expiring, or a readiness state), so {@link HealthReport#timestamp()} is the time of that
   * rendering; {@link HealthReport#newestResult()} is the same for every rendering of the same results
   */
  Buffer render(HealthReport report, FormatContext context);
}
