package dev.vitals.health.web.guard.impl;

import dev.vitals.health.web.guard.JsonErrorHandler;
import dev.vitals.health.web.internal.ErrorResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.util.logging.Level;
import java.util.logging.Logger;

public final class JsonErrorHandlerImpl implements JsonErrorHandler {

  private static final Logger LOG = Logger.getLogger(JsonErrorHandler.class.getName());
  /** The longest part of a client's path repeated in an answer or a log line. */
  private static final int MAX_ECHO = 200;

  private final int code;

  public JsonErrorHandlerImpl(int code) {
    this.code = code;
  }

  @Override
  public void handle(RoutingContext ctx) {
    int code = ctx.statusCode() > 0 ? ctx.statusCode() : this.code;
    Throwable failure = ctx.failure();
    if (failure instanceof HttpException && ((HttpException) failure).getStatusCode() > 0) {
      code = ((HttpException) failure).getStatusCode();
    }
    String path = echo(ctx.request().path());
    if (code >= 500) {
      LOG.severe(() -> "Failed " + ctx.request().method() + " " + path + ": " + failure);
      LOG.log(Level.FINE, "Stack trace", failure);
    }
    ErrorResponse.send(ctx, code, message(code, path, failure));
  }

  private static String message(int code, String path, Throwable failure) {
    switch (code) {
      case 400:
        return "Bad request" + (failure == null || failure.getMessage() == null ? "" : ": " + echo(failure.getMessage()));
      case 404:
        return "No route for " + path;
      case 405:
        return "Method not allowed";
      case 413:
        return "Request body too large";
      case 414:
        return "URI too long";
      case 431:
        return "Request header fields too large";
      default:
        return code >= 500 ? "Internal error" : "Request refused";
    }
  }

  private static String echo(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
  }
}
