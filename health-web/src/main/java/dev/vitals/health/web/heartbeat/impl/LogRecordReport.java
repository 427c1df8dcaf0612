package dev.vitals.health.web.heartbeat.impl;

import dev.vitals.health.HealthStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;

/**
 * A report made of a Python {@code logging.LogRecord} as {@code logging.handlers.HTTPHandler} sends it: the
 * record's {@code __dict__}, every value stringified ({@code name}, {@code msg}, {@code args} as a repr,
 * {@code levelname}, {@code levelno}, {@code exc_text}, ...). {@code levelno} of 40 (ERROR) or more is a failure;
 * lower levels are heartbeats. The output is {@code msg % args} when that is safe, else {@code msg}.
 */
record LogRecordReport(HealthStatus status, String output, JsonObject data) {

  /** Python's ERROR level. */
  static final int ERROR = 40;

  private static final Map<String, Integer> LEVELS = Map.of("CRITICAL", 50, "FATAL", 50, "ERROR", 40,
    "WARNING", 30, "WARN", 30, "INFO", 20, "DEBUG", 10, "NOTSET", 0);

  /** @return whether the fields look like a log record (it has a level) */
  static boolean isRecord(MultiMap fields) {
    return fields.contains("levelno") || fields.contains("levelname");
  }

  /**
   * @param fields the record's fields
   * @return the report
   * @throws IllegalArgumentException naming the field when {@code levelno} is not an integer or the level unknown
   */
  static LogRecordReport of(MultiMap fields) {
    int level = level(fields);
    String msg = fields.get("msg") == null ? "" : fields.get("msg");
    String formatted = PercentFormat.format(msg, fields.get("args"));
    JsonObject data = new JsonObject().put("levelname", fields.get("levelname")).put("levelno", level);
    putIfPresent(data, "logger", fields.get("name"));
    putIfPresent(data, "created", fields.get("created"));
    putIfPresent(data, "pathname", fields.get("pathname"));
    putIfPresent(data, "lineno", fields.get("lineno"));
    putIfPresent(data, "exc_text", fields.get("exc_text"));
    // HTTPHandler does not format records, so exc_text is often None; the stringified exc_info still names it.
    putIfPresent(data, "exc_info", fields.get("exc_info"));
    return new LogRecordReport(level >= ERROR ? HealthStatus.FAIL : HealthStatus.PASS,
      formatted != null ? formatted : msg, data);
  }

  private static int level(MultiMap fields) {
    String levelno = fields.get("levelno");
    if (levelno != null) {
      try {
        return Integer.parseInt(levelno.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("levelno: expected an integer, got '" + levelno + "'");
      }
    }
    String name = fields.get("levelname");
    Integer level = LEVELS.get(name.trim().toUpperCase(Locale.ROOT));
    if (level == null) {
      throw new IllegalArgumentException("levelname: unknown level '" + name + "'");
    }
    return level;
  }

  /** Python stringifies absent values as {@code None}; those are left out. */
  private static void putIfPresent(JsonObject data, String key, String value) {
    if (value != null && !value.isEmpty() && !value.equals("None")) {
      data.put(key, value);
    }
  }
}
