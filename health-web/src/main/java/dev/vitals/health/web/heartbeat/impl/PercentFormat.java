package dev.vitals.health.web.heartbeat.impl;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code msg % args}, as {@code LogRecord.getMessage()} does it, for the conversions log messages use:
 * {@code %s}, {@code %r}, {@code %d}, {@code %i}, {@code %f}, {@code %%}, positional or {@code %(name)s}. When
 * anything else appears, or the arguments do not fit, {@link #format} returns {@code null} and the caller shows
 * the message as it is.
 */
final class PercentFormat {

  private PercentFormat() {
  }

  /**
   * @param msg  the record's {@code msg}
   * @param args the record's {@code args}, as its repr
   * @return the formatted message, {@code msg} itself when there are no arguments, or {@code null} when it is not
   * safe to format
   * @throws IllegalArgumentException {@code "args: nested deeper than 32 levels"} for a crafted {@code args}
   */
  static String format(String msg, String args) {
    if (args == null || args.isBlank() || args.equals("None") || args.equals("()")) {
      return msg; // Python formats only when args is non-empty
    }
    PythonLiteral.Value parsed;
    try {
      parsed = PythonLiteral.parse(args);
    } catch (PythonLiteral.TooDeep e) {
      throw e;
    } catch (RuntimeException e) {
      return null;
    }
    Object value = parsed.value();
    List<?> positional = value instanceof List ? (List<?>) value : List.of(parsed);
    Map<?, ?> named = value instanceof Map ? (Map<?, ?>) value : null;
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < msg.length(); i++) {
      char c = msg.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i >= msg.length()) {
        return null;
      }
      PythonLiteral.Value arg;
      if (msg.charAt(i) == '%') {
        out.append('%');
        continue;
      } else if (msg.charAt(i) == '(') {
        int close = msg.indexOf(')', i);
        if (named == null || close < 0 || close + 1 >= msg.length()) {
          return null;
        }
        arg = (PythonLiteral.Value) named.get(msg.substring(i + 1, close));
        if (arg == null) {
          return null;
        }
        i = close + 1;
      } else {
        if (named != null || next >= positional.size()) {
          return null;
        }
        arg = (PythonLiteral.Value) positional.get(next++);
      }
      String converted = convert(msg.charAt(i), arg);
      if (converted == null) {
        return null;
      }
      out.append(converted);
    }
    return named == null && next != positional.size() ? null : out.toString();
  }

  private static String convert(char conversion, PythonLiteral.Value arg) {
    Object v = arg.value();
    switch (conversion) {
      case 's':
        return v instanceof String ? (String) v : arg.repr();
      case 'r':
        return arg.repr();
      case 'd':
      case 'i':
        if (v instanceof Long) {
          return v.toString();
        }
        if (v instanceof Double) {
          return Long.toString((long) (double) (Double) v);
        }
        if (v instanceof Boolean) {
          return (Boolean) v ? "1" : "0";
        }
        return null;
      case 'f':
        return v instanceof Number ? String.format(Locale.ROOT, "%.6f", ((Number) v).doubleValue()) : null;
      default:
        return null;
    }
  }
}
