package dev.vitals.health.web.internal;

import dev.vitals.health.CheckRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * What a request to a health handler asks for, read from the path below the mount point: a probe name or a check
 * or group name, normalised as the registry normalises names. vertx-web has already %-decoded the wildcard's
 * match (a malformed escape never reaches the handler), so {@code /health/db/%20/%09//}, {@code /health//db/} and
 * {@code /health/db} all ask for {@code db}: one name, one cache entry.
 */
public final class HealthPath {

  private HealthPath() {
  }

  /**
   * @param ctx a request routed to a {@code <mount>*} route
   * @return the normalised name below the mount point; {@code ""} for the mount point itself
   */
  public static String selection(RoutingContext ctx) {
    String rest = ctx.pathParam("*");
    return rest == null || rest.isEmpty() || rest.equals("/") ? "" : CheckRegistry.normalizeName(rest);
  }
}
