package dev.vitals.health.alerts;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The alerts' HTTP API, mounted on {@code /alerts*}:
 * <ul>
 *   <li>{@code GET /alerts}: 200, {@link Alerting#toJson()} ({@code {"alerts": [...], "silences": [...],
 *       "windows": [...], "channels": {...}, "suppressed": {...}}});</li>
 *   <li>{@code GET /alerts/silences}: 200, the silences that have not ended ({@link Silences#toJson()});
 *       {@code GET /alerts/silences/<id>}: 200 with the silence, 404 when none has that id;</li>
 *   <li>{@code POST /alerts/silences} with a JSON body as {@link Silences#add} takes it: 201 with the silence
 *       ({@code Location: /alerts/silences/<id>}), 400 for a body that is not a JSON object or a request
 *       {@link Silences#add} refuses (the message names the field), 409 when {@code maxSilences} are active;</li>
 *   <li>{@code DELETE /alerts/silences/<id>}: 200 {@code {"removed": "<id>"}}, 404 when none has that id;</li>
 *   <li>another method: 405 with {@code Allow}; another path below {@code /alerts}: 404.</li>
 * </ul>
 * Errors are {@code {"error": "<message>", "status": <code>}}. The handler does not authenticate: mount the writes
 * behind the admin token and a bounded body, as health-web's {@code VitalsRoutes.api} does (it reads the body
 * from the {@code RoutingContext}, so a {@code BodyHandler} must come first for {@code POST}).
 */
public final class AlertsHandler implements Handler<RoutingContext> {

  /** Where the handler is mounted. */
  public static final String PATH = "/alerts";
  private static final String SILENCES = PATH + "/silences";

  private final Alerting alerting;

  private AlertsHandler(Alerting alerting) {
    this.alerting = alerting;
  }

  /**
   * @param alerting the alerting whose state and silences are served
   * @return the handler
   */
  public static AlertsHandler create(Alerting alerting) {
    return new AlertsHandler(alerting);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    HttpMethod method = ctx.request().method();
    boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      if (read) {
        json(ctx, 200, alerting.toJson().encode());
      } else {
        notAllowed(ctx, "GET, HEAD");
      }
    } else if (path.equals(SILENCES) || path.equals(SILENCES + "/")) {
      if (read) {
        json(ctx, 200, alerting.silences().toJson().encode());
      } else if (method == HttpMethod.POST) {
        add(ctx);
      } else {
        notAllowed(ctx, "GET, HEAD, POST");
      }
    } else if (path.startsWith(SILENCES + "/") && path.indexOf('/', SILENCES.length() + 1) < 0) {
      String id = path.substring(SILENCES.length() + 1);
      if (read) {
        Silence silence = alerting.silences().get(id);
        if (silence == null) {
          error(ctx, 404, "no silence '" + id + "'");
        } else {
          json(ctx, 200, silence.toJson().encode());
        }
      } else if (method == HttpMethod.DELETE) {
        alerting.silences().remove(id).onComplete(removed -> {
          if (removed.failed()) {
            error(ctx, 500, removed.cause().getMessage());
          } else if (removed.result()) {
            json(ctx, 200, new JsonObject().put("removed", id).encode());
          } else {
            error(ctx, 404, "no silence '" + id + "'");
          }
        });
      } else {
        notAllowed(ctx, "GET, HEAD, DELETE");
      }
    } else {
      error(ctx, 404, "no such path: " + path);
    }
  }

  private void add(RoutingContext ctx) {
    JsonObject request;
    try {
      request = ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      request = null;
    }
    if (request == null) {
      error(ctx, 400, "expected a JSON object such as {\"checks\": [\"db\"], \"duration\": \"2h\", \"reason\": \"...\", "
        + "\"createdBy\": \"...\"}");
      return;
    }
    alerting.silences().add(request).onComplete(made -> {
      if (made.succeeded()) {
        ctx.response().putHeader("Location", SILENCES + "/" + made.result().id());
        json(ctx, 201, made.result().toJson().encode());
      } else if (made.cause() instanceof IllegalArgumentException) {
        error(ctx, 400, made.cause().getMessage());
      } else if (String.valueOf(made.cause().getMessage()).startsWith("silences:")) {
        error(ctx, 409, made.cause().getMessage());
      } else {
        error(ctx, 500, made.cause().getMessage());
      }
    });
  }

  private static void notAllowed(RoutingContext ctx, String allow) {
    ctx.response().putHeader("Allow", allow);
    error(ctx, 405, "method not allowed; allowed: " + allow);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message).put("status", status).encode());
  }

  private static void json(RoutingContext ctx, int status, String body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
      .putHeader("Cache-Control", "no-store").end(body);
  }
}
