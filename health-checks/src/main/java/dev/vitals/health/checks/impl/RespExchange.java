package dev.vitals.health.checks.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One pipelined exchange of RESP2 commands on a connection of its own, bounded in time and in bytes: the
 * connection is closed when the exchange ends, whether it got every reply, timed out, read more than its budget
 * or met a reply announcing more than the budget (which fails at once, without reading what it announces).
 * Replies are simple strings, errors, integers and bulk strings, as {@code AUTH}, {@code SELECT}, {@code PING}
 * and {@code INFO} give; an array fails the exchange.
 */
final class RespExchange {

  /** One reply: its text ({@code null} for a null bulk string) and whether the server sent it as an error. */
  record Reply(boolean error, String text) {
  }

  private final Promise<List<Reply>> replies = Promise.promise();
  private final List<Reply> received = new ArrayList<>();
  private final int expected;
  private final long maxBytes;
  private Buffer pending = Buffer.buffer();
  private long read;
  private volatile NetSocket socket;

  private RespExchange(int expected, long maxBytes) {
    this.expected = expected;
    this.maxBytes = maxBytes;
  }

  /**
   * @param vertx     the Vert.x instance of the client (its timers)
   * @param client    the client to connect with
   * @param host      the server's host
   * @param port      the server's port
   * @param commands  the commands, each as its words
   * @param timeoutMs the time allowed for connecting and every reply, in ms
   * @param maxBytes  the most bytes the replies may take together
   * @return one reply per command, in order; failed with a {@link TimeoutException} {@code "timed out after <n>
   * ms"}, an {@link IllegalStateException} naming the byte budget or the malformed reply, or with what the
   * connection failed with
   */
  static Future<List<Reply>> run(Vertx vertx, NetClient client, String host, int port, List<List<String>> commands,
                                 long timeoutMs, long maxBytes) {
    RespExchange exchange = new RespExchange(commands.size(), maxBytes);
    Future<List<Reply>> ended = exchange.replies.future();
    long timer = vertx.setTimer(timeoutMs,
      id -> exchange.replies.tryFail(new TimeoutException("timed out after " + timeoutMs + " ms")));
    ended.onComplete(done -> {
      vertx.cancelTimer(timer);
      NetSocket open = exchange.socket;
      if (open != null) {
        open.close();
      }
    });
    client.connect(port, host).onComplete(connected -> {
      if (connected.failed()) {
        exchange.replies.tryFail(connected.cause());
        return;
      }
      NetSocket socket = connected.result();
      exchange.socket = socket;
      if (ended.isComplete()) {
        socket.close();
        return;
      }
      socket.exceptionHandler(exchange.replies::tryFail);
      socket.closeHandler(closed ->
        exchange.replies.tryFail(new IllegalStateException("connection closed by the server")));
      socket.handler(exchange::read);
      socket.write(encode(commands));
    });
    return ended;
  }

  private static Buffer encode(List<List<String>> commands) {
    Buffer out = Buffer.buffer();
    for (List<String> words : commands) {
      out.appendString("*" + words.size() + "\r\n");
      for (String word : words) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        out.appendString("$" + bytes.length + "\r\n").appendBytes(bytes).appendString("\r\n");
      }
    }
    return out;
  }

  private void read(Buffer chunk) {
    if (replies.future().isComplete()) {
      return;
    }
    read += chunk.length();
    if (read > maxBytes) {
      replies.tryFail(new IllegalStateException("replies longer than maxReplySize (" + maxBytes + " bytes)"));
      return;
    }
    pending.appendBuffer(chunk);
    try {
      parse();
    } catch (RuntimeException e) {
      replies.tryFail(new IllegalStateException("malformed reply: " + e.getMessage()));
    }
  }

  /** Takes every complete reply off {@code pending}; an incomplete one waits for more bytes. */
  private void parse() {
    int position = 0;
    while (received.size() < expected) {
      int eol = lineEnd(position);
      if (eol < 0) {
        break;
      }
      char type = (char) pending.getByte(position);
      String line = pending.getString(position + 1, eol, StandardCharsets.UTF_8.name());
      if (type == '+' || type == ':' || type == '-') {
        received.add(new Reply(type == '-', line));
        position = eol + 2;
      } else if (type == '$') {
        long length = Long.parseLong(line);
        if (length > maxBytes) {
          replies.tryFail(new IllegalStateException("a reply announces " + length
            + " bytes, more than maxReplySize (" + maxBytes + " bytes)"));
          return;
        }
        if (length == -1) {
          received.add(new Reply(false, null)); // RESP2's null bulk string
          position = eol + 2;
        } else if (length < 0) {
          throw new IllegalArgumentException("bulk length " + length);
        } else if (pending.length() >= eol + 2 + length + 2) {
          int start = eol + 2;
          int end = start + (int) length;
          if (pending.getByte(end) != '\r' || pending.getByte(end + 1) != '\n') {
            throw new IllegalArgumentException("no CRLF after a bulk string of " + length + " bytes");
          }
          received.add(new Reply(false, pending.getString(start, end, StandardCharsets.UTF_8.name())));
          position = end + 2;
        } else {
          break;
        }
      } else {
        throw new IllegalArgumentException("unexpected type '" + type + "'");
      }
    }
    pending = pending.getBuffer(position, pending.length());
    if (received.size() == expected) {
      replies.tryComplete(List.copyOf(received));
    }
  }

  private int lineEnd(int from) {
    for (int i = from; i < pending.length() - 1; i++) {
      if (pending.getByte(i) == '\r' && pending.getByte(i + 1) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
