package dev.vitals.health.web.guard.impl;

import dev.vitals.health.web.guard.AdminTokenHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

public final class AdminTokenHandlerImpl implements AdminTokenHandler {

  private static final String SCHEME = "Bearer ";

  private final byte[] expected;

  public AdminTokenHandlerImpl(String token) {
    if (Objects.requireNonNull(token, "token").isBlank()) {
      throw new IllegalArgumentException("admin.token: must not be blank");
    }
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    byte[] given = bearerToken(ctx);
    if (given == null) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ErrorResponse.send(ctx, 401, "Authentication required: send Authorization: Bearer <admin token>");
      return;
    }
    if (!MessageDigest.isEqual(expected, given)) {
      ErrorResponse.send(ctx, 403, "Invalid admin token");
      return;
    }
    ctx.next();
  }

  @Override
  public boolean verify(RoutingContext ctx) {
    byte[] given = bearerToken(ctx);
    return given != null && MessageDigest.isEqual(expected, given);
  }

  /** The token of an {@code Authorization: Bearer} header, or null when there is none. */
  private static byte[] bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= SCHEME.length()
      || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
  }
}
