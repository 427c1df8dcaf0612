package dev.vitals.health.web.heartbeat.impl;

import dev.vitals.health.HealthStatus;
import dev.vitals.health.PassiveChecks;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.web.heartbeat.HeartbeatHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import dev.vitals.health.web.internal.RequestParts;
import dev.vitals.health.web.internal.Responses;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

public final class HeartbeatHandlerImpl implements HeartbeatHandler {

  private final PassiveChecks checks;
  private final String adminToken;

  public HeartbeatHandlerImpl(PassiveChecks checks, String adminToken) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.adminToken = adminToken;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ErrorResponse.rejectMethod(ctx, "POST, GET", HttpMethod.POST, HttpMethod.GET)) {
      return;
    }
    String name = name(ctx);
    PassiveOptions options = name.isEmpty() ? null : checks.options(name);
    if (options == null) {
      ErrorResponse.send(ctx, 404, "Passive check not found: " + name);
      return;
    }
    if (!authorized(ctx, options)) {
      return;
    }
    if (ctx.body().available()) {
      accept(ctx, name, ctx.body().buffer());
      return;
    }
    readBody(ctx, body -> accept(ctx, name, body));
  }

  private static String name(RoutingContext ctx) {
    return RequestParts.subPath(ctx);
  }

  /** Reads the body up to the limit; a larger one gets 413 and is not read further. */
  private static void readBody(RoutingContext ctx, java.util.function.Consumer<Buffer> then) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    String length = declared == null ? "" : declared.trim();
    if (length.matches("[0-9]+") && (length.length() > 11 || Long.parseLong(length) > MAX_BODY_BYTES)) {
      tooLarge(ctx);
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
      && request.version() != io.vertx.core.http.HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue(); // the token was checked: now the client may send the body
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    request.handler(chunk -> {
      if (!over[0] && body.length() + chunk.length() > MAX_BODY_BYTES) {
        over[0] = true;
        tooLarge(ctx);
      } else if (!over[0]) {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> {
      if (!over[0]) {
        then.accept(body);
      }
    });
    request.resume();
  }

  private static void tooLarge(RoutingContext ctx) {
    Responses.closeAfterAnswer(ctx);
    ErrorResponse.send(ctx, 413, "Body larger than " + MAX_BODY_BYTES + " bytes");
  }

  private boolean authorized(RoutingContext ctx, PassiveOptions options) {
    List<String> accepted = new java.util.ArrayList<>();
    if (options.getToken() != null) {
      accepted.add(options.getToken());
    }
    if (adminToken != null) {
      accepted.add(adminToken);
    }
    if (accepted.isEmpty()) {
      return true;
    }
    String given = credential(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (given == null) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer, Basic realm=\"vitals\"");
      ErrorResponse.send(ctx, 401, "Authentication required: a bearer token, or Basic with the token as password");
      return false;
    }
    for (String token : accepted) {
      if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    ErrorResponse.send(ctx, 403, "Invalid token for this check");
    return false;
  }

  /** The token of {@code Bearer <token>}, or the password of {@code Basic base64(user:password)}. */
  private static String credential(String header) {
    if (header == null) {
      return null;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(colon + 1);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private void accept(RoutingContext ctx, String name, Buffer body) {
    HealthStatus status;
    String output;
    JsonObject data;
    try {
      MultiMap fields = fields(ctx, body);
      if (fields != null && LogRecordReport.isRecord(fields)) {
        LogRecordReport record = LogRecordReport.of(fields);
        status = record.status();
        output = record.output();
        data = record.data();
      } else if (fields != null && isForm(ctx) && !body.toString().isBlank()) {
        // A form that is not a log record: most likely JSON sent with curl -d's default content type.
        throw new IllegalArgumentException("A form body must be a Python log record (levelno or levelname); "
          + "send JSON reports with Content-Type: application/json");
      } else if (fields != null || body.length() == 0 || body.toString().isBlank()) {
        status = HealthStatus.PASS;
        output = "";
        data = null;
      } else {
        JsonObject json = json(ctx, body);
        status = json.containsKey("status") ? HealthStatus.fromWireName(string(json, "status")) : HealthStatus.PASS;
        output = json.containsKey("output") ? string(json, "output") : "";
        Object d = json.getValue("data");
        if (d != null && !(d instanceof JsonObject)) {
          throw new IllegalArgumentException("data: expected an object");
        }
        data = (JsonObject) d;
      }
    } catch (UnsupportedOperationException e) {
      ErrorResponse.send(ctx, 415, e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      ErrorResponse.send(ctx, 400, e.getMessage());
      return;
    }
    try {
      checks.report(name, status, output, data);
    } catch (NoSuchElementException e) {
      ErrorResponse.send(ctx, 404, e.getMessage());
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(new JsonObject().put("check", name).put("status", status.wireName()).encode());
  }

  private static boolean isForm(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /** The form or query fields of the request, or null when it carries something else. */
  private static MultiMap fields(RoutingContext ctx, Buffer body) {
    if (isForm(ctx)) {
      return decode(body.toString(StandardCharsets.UTF_8));
    }
    if (ctx.request().method() == HttpMethod.GET) {
      try {
        return ctx.request().params();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Malformed query string: " + e.getMessage());
      }
    }
    return null;
  }

  private static MultiMap decode(String form) {
    MultiMap fields = MultiMap.caseInsensitiveMultiMap();
    try {
      for (Map.Entry<String, List<String>> e : new QueryStringDecoder(form, StandardCharsets.UTF_8, false)
        .parameters().entrySet()) {
        fields.add(e.getKey(), e.getValue());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Body is not a valid form: " + e.getMessage());
    }
    return fields;
  }

  private static JsonObject json(RoutingContext ctx, Buffer body) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new UnsupportedOperationException("Unsupported content type '" + type
        + "', expected application/json, application/x-www-form-urlencoded or no body");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("Body is not JSON; expected {\"status\": \"pass|warn|fail\", \"output\": \"...\"}");
    }
    if (!(parsed instanceof JsonObject)) {
      throw new IllegalArgumentException("Body must be a JSON object like {\"status\": \"fail\", \"output\": \"...\"}");
    }
    return (JsonObject) parsed;
  }

  private static String string(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(field + ": expected a string, got '" + value + "'");
    }
    return (String) value;
  }
}
