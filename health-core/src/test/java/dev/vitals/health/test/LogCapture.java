package dev.vitals.health.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Holds back what one java.util.logging logger (Vert.x logs through it) prints while a test provokes a failure on
 * purpose, so the build output shows only unexpected traces, and lets the test assert what was logged instead.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("io.vertx.ext.web.RoutingContext")) {
 *   ... provoke ...
 *   assertThat(log.messages()).containsExactly("SEVERE: ...");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

  // A strong reference: java.util.logging forgets loggers nobody holds, with their handlers.
  private final Logger logger;
  private final boolean usedParentHandlers;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  private LogCapture(String name) {
    logger = Logger.getLogger(name);
    usedParentHandlers = logger.getUseParentHandlers();
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  /** @return a capture of the named logger's records, until {@link #close()} */
  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  /** @return the records so far */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Forgets the records so far, to look only at what follows. */
  public void clear() {
    records.clear();
  }

  /** @return one line per record so far: {@code LEVEL: message}, then {@code : <the exception>} when it has one */
  public List<String> messages() {
    return records.stream()
      .map(r -> r.getLevel() + ": " + r.getMessage() + (r.getThrown() == null ? "" : ": " + r.getThrown()))
      .toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
