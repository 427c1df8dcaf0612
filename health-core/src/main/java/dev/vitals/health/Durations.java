package dev.vitals.health;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as they are written in Vitals JSON config: an integer number of milliseconds
 * ({@code 2000}) or a string of a non-negative integer and a unit, {@code ms}, {@code s}, {@code m} or
 * {@code h} ({@code "500ms"}, {@code "27s"}, {@code "5m"}, {@code "1h"}).
 */
public final class Durations {

  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h)\\s*");

  private Durations() {
  }

  /**
   * @param value an integer (milliseconds) or a string such as {@code "27s"}
   * @param field the config field the value came from, named in the error message
   * @return the duration in milliseconds, {@code >= 0}
   * @throws IllegalArgumentException {@code "<field>: invalid duration '<value>', expected milliseconds or a
   *                                  string like \"500ms\", \"27s\", \"5m\""} when the value has neither form
   *                                  or is negative
   */
  public static long toMillis(Object value, String field) {
    if (value instanceof Number) {
      Number n = (Number) value;
      if (n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.longValue();
      }
    } else if (value instanceof String) {
      Matcher m = FORM.matcher((String) value);
      if (m.matches()) {
        try {
          long amount = Long.parseLong(m.group(1));
          switch (m.group(2)) {
            case "ms":
              return amount;
            case "s":
              return Math.multiplyExact(amount, 1000L);
            case "m":
              return Math.multiplyExact(amount, 60_000L);
            default:
              return Math.multiplyExact(amount, 3_600_000L);
          }
        } catch (ArithmeticException | NumberFormatException e) {
          // too large: reported below like any other invalid value
        }
      }
    }
    throw new IllegalArgumentException(field + ": invalid duration '" + value
      + "', expected milliseconds or a string like \"500ms\", \"27s\", \"5m\"");
  }

  /**
   * @param millis a duration in milliseconds, {@code >= 0}
   * @return the duration as config writes it, in the largest unit that divides it ({@code "5m"} for 300000,
   * {@code "1500ms"} for 1500, {@code "0ms"} for 0), which {@link #toMillis} reads back
   */
  public static String toText(long millis) {
    if (millis == 0) {
      return "0ms";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
