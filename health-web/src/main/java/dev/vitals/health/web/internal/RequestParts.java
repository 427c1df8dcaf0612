package dev.vitals.health.web.internal;

import io.vertx.ext.web.RoutingContext;

/**
 * The parts of a request the handlers read, parsed so that a malformed request is an
 * {@link IllegalArgumentException} the handler answers with a JSON 400, never a 500.
 */
public final class RequestParts {

  private RequestParts() {
  }

  /**
   * @param ctx  the request
   * @param name a query parameter's name
   * @return its first value, decoded, or null when absent
   * @throws IllegalArgumentException {@code "Malformed query string: ..."} when the query string cannot be
   *                                  decoded ({@code ?format=%zz}, {@code ?%zz=1})
   */
  public static String query(RoutingContext ctx, String name) {
    if (ctx.request().query() == null) {
      return null;
    }
    try {
      return ctx.request().getParam(name);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed query string: " + e.getMessage());
    }
  }

  /**
   * What follows the mount point (the wildcard's match), as a name: empty and blank segments dropped, so that
   * {@code /health/live/}, {@code /health//live} and {@code /health/live} are one path.
   *
   * @param ctx a request routed to a {@code <mount>/*} route
   * @return the normalised sub-path, {@code ""} for the mount point itself
   */
  public static String subPath(RoutingContext ctx) {
    String rest = ctx.pathParam("*");
    if (rest == null || rest.isEmpty()) {
      return "";
    }
    StringBuilder name = new StringBuilder(rest.length());
    for (String segment : rest.split("/")) {
      if (!segment.isBlank()) {
        name.append(name.length() == 0 ? "" : "/").append(segment);
      }
    }
    return name.toString();
  }
}
