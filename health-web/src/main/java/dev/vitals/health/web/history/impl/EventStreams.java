package dev.vitals.health.web.history.impl;

import dev.vitals.health.StatusChange;
import dev.vitals.health.web.history.HistoryRoutesOptions;
import dev.vitals.health.web.internal.ErrorResponse;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Server-Sent Events of status changes: a bounded buffer of the latest events by id, for {@code Last-Event-ID}
 * replay, and the open streams, each written on its own request's context.
 */
final class EventStreams {

  private record Event(long id, JsonObject json) {
  }

  private final class Stream {
    final Context context;
    final HttpConnection connection;
    final String peer;
    final HttpServerResponse response;
    final UnaryOperator<JsonObject> shown;
    long timer = -1;
    long ageTimer = -1;

    Stream(Context context, HttpConnection connection, HttpServerResponse response, UnaryOperator<JsonObject> shown) {
      this.context = context;
      this.connection = connection;
      SocketAddress remote = connection.remoteAddress();
      this.peer = remote == null ? "" : String.valueOf(remote.hostAddress());
      this.response = response;
      this.shown = shown;
    }

    void send(Event event) {
      JsonObject json = shown.apply(event.json());
      if (json != null && !response.ended() && !response.closed()) {
        write("id: " + event.id() + "\ndata: " + json.encode() + "\n\n");
      }
    }

    /**
     * A client that stops reading would make its stream's write queue grow with every change: once the queue is
     * full the stream is closed, and the client, reconnecting, gets what it missed through Last-Event-ID.
     */
    void write(String text) {
      if (response.writeQueueFull()) {
        response.reset(); // HTTP/1.x: closes the connection; HTTP/2: cancels the stream
      } else {
        response.write(text);
      }
    }
  }

  private final Vertx vertx;
  private final int maxStreams;
  private final int maxStreamsPerClient;
  private final long keepAlive;
  private final long maxAge;
  private final int bufferSize;
  // Guarded by this.
  private final ArrayDeque<Event> buffer = new ArrayDeque<>();
  private final Set<Stream> streams = new LinkedHashSet<>();
  private long lastId;
  private boolean closed;

  EventStreams(Vertx vertx, HistoryRoutesOptions options) {
    this.vertx = vertx;
    this.maxStreams = options.getMaxStreams();
    this.maxStreamsPerClient = options.getMaxStreamsPerClient();
    this.keepAlive = options.getKeepAlive();
    this.maxAge = options.getMaxStreamAge();
    this.bufferSize = options.getEventBuffer();
  }

  /** @return the id of the newest event, 0 before the first */
  synchronized long lastId() {
    return lastId;
  }

  /** Called on whatever thread observed the change: each stream gets it on its own context. */
  void publish(StatusChange change) {
    List<Stream> open;
    Event event;
    synchronized (this) {
      event = new Event(++lastId, change.toJson());
      buffer.addLast(event);
      if (buffer.size() > bufferSize) {
        buffer.removeFirst();
      }
      open = new ArrayList<>(streams);
    }
    for (Stream stream : open) {
      stream.context.runOnContext(v -> stream.send(event));
    }
  }

  /**
   * Opens a stream, replaying what came after {@code lastEventId} (nothing for an id never given); 503 beyond the
   * cap, or beyond the cap of the client's address.
   *
   * @param shown what a change looks like to this caller, or null to leave it out
   */
  void open(RoutingContext ctx, Long lastEventId, UnaryOperator<JsonObject> shown) {
    HttpServerResponse response = ctx.response();
    HttpConnection connection = ctx.request().connection();
    Stream stream = new Stream(vertx.getOrCreateContext(), connection, response, shown);
    List<Event> missed = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        ErrorResponse.send(ctx, 503, "the server is shutting down");
        return;
      }
      // One address cannot take every slot either (never-read streams hold theirs until their write queue fills).
      String full = streams.size() >= maxStreams ? "too many event streams open (" + maxStreams + ")"
        : streams.stream().filter(open -> open.peer.equals(stream.peer)).count() >= maxStreamsPerClient
        ? "too many event streams open from your address (" + maxStreamsPerClient + ")" : null;
      if (full != null) {
        response.putHeader(HttpHeaders.RETRY_AFTER, "5");
        ErrorResponse.send(ctx, 503, full);
        return;
      }
      streams.add(stream);
      // An id this process never gave (from before a restart, or made up) is unknown: nothing is replayed, the client
      // reads the current state from /history (as the dashboard does on each open) rather than the whole buffer.
      if (lastEventId != null && lastEventId <= lastId) {
        for (Event event : buffer) {
          if (event.id() > lastEventId) {
            missed.add(event);
          }
        }
      }
    }
    response.setChunked(true)
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader("X-Accel-Buffering", "no"); // nginx would hold the events back otherwise
    // Through the router's end handlers, which run on the end, the reset and the close of the response alike: the
    // response's own handler slots are the router's, and taking them would skip its other end handlers (the
    // in-flight slot's release among them) when an HTTP/2 stream is reset by the server.
    ctx.addEndHandler(done -> forget(stream));
    // The server drains: let every stream of this connection go (one handler per connection, set again by each).
    connection.shutdownHandler(v -> endStreamsOn(connection));

    response.write(": vitals status changes\nretry: 3000\n\n");
    missed.forEach(stream::send);
    stream.timer = vertx.setPeriodic(keepAlive, id -> {
      if (response.ended() || response.closed()) {
        vertx.cancelTimer(id); // closed before the timer was known to forget()
      } else {
        stream.write(": keep-alive\n\n");
      }
    });
    // A client that stopped reading cannot be told from one that reads until its buffers fill: none holds a slot
    // longer than the age; an EventSource reconnects (retry: 3000) and resumes from Last-Event-ID.
    stream.ageTimer = vertx.setTimer(maxAge, id -> endQuietly(response));
  }

  private static void endQuietly(HttpServerResponse response) {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  private void forget(Stream stream) {
    synchronized (this) {
      streams.remove(stream);
    }
    vertx.cancelTimer(stream.timer);
    vertx.cancelTimer(stream.ageTimer);
  }

  synchronized int open() {
    return streams.size();
  }

  /** Ends every open stream and refuses new ones (503). */
  void close() {
    synchronized (this) {
      closed = true;
    }
    endStreamsOn(null);
  }

  /** Ends the open streams of a connection, or all of them for {@code null}, each on its own context. */
  private void endStreamsOn(HttpConnection connection) {
    List<Stream> open;
    synchronized (this) {
      open = new ArrayList<>(streams);
    }
    for (Stream stream : open) {
      if (connection == null || stream.connection == connection) {
        stream.context.runOnContext(v -> endQuietly(stream.response));
      }
    }
  }
}
