package dev.vitals.health;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte sizes as they are written in Vitals JSON config (the {@link JsonForm#size} shape): an integer number of
 * bytes ({@code 1048576}) or a non-negative integer and a unit, {@code B}, {@code KB}, {@code MB}, {@code GB} or
 * {@code TB}, in powers of 1024 ({@code "500MB"} is 524288000 bytes). Units are upper case, as written here.
 */
public final class ByteSizes {

  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(B|KB|MB|GB|TB)\\s*");
  private static final List<String> UNITS = List.of("B", "KB", "MB", "GB", "TB");

  private ByteSizes() {
  }

  /**
   * @param value an integer (bytes) or a string such as {@code "500MB"}
   * @param field the config field the value came from, named in the error message
   * @return the size in bytes, {@code >= 0}
   * @throws IllegalArgumentException {@code "<field>: invalid size '<value>', expected bytes or a string like
   *                                  \"500MB\", \"10GB\" (units B, KB, MB, GB, TB; 1 KB = 1024 B)"} when the
   *                                  value has neither form, is negative or does not fit in a {@code long}
   */
  public static long toBytes(Object value, String field) {
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    if (value instanceof String) {
      Matcher m = FORM.matcher((String) value);
      if (m.matches()) {
        try {
          int power = UNITS.indexOf(m.group(2));
          return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << (10 * power));
        } catch (ArithmeticException | NumberFormatException e) {
          // too large: reported below like any other invalid value
        }
      }
    }
    throw new IllegalArgumentException(field + ": invalid size '" + value
      + "', expected bytes or a string like \"500MB\", \"10GB\" (units B, KB, MB, GB, TB; 1 KB = 1024 B)");
  }


  /**
   * @param bytes a size in bytes, {@code >= 0}
   * @return the size as config writes it, in the largest unit that divides it ({@code "1MB"} for 1048576,
   * {@code "1500B"} for 1500), which {@link #toBytes} reads back
   */
  public static String toText(long bytes) {
    int power = 0;
    while (bytes != 0 && power < UNITS.size() - 1 && bytes % (1L << (10 * (power + 1))) == 0) {
      power++;
    }
    return (bytes >> (10 * power)) + UNITS.get(power);
  }

  /**
   * @param bytes a size in bytes, {@code >= 0}
   * @return the size for humans, in the largest unit that keeps it at least 1 ({@code "1.5 GB"})
   */
  public static String format(long bytes) {
    int power = 0;
    double amount = bytes;
    while (amount >= 1024 && power < UNITS.size() - 1) {
      amount /= 1024;
      power++;
    }
    return power == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", amount, UNITS.get(power));
  }
}
