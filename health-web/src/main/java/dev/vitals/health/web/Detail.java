package dev.vitals.health.web;

import java.util.Locale;

/** How much of a health report a path shows. JSON names: {@code full}, {@code names}, {@code status}. */
public enum Detail {
  /** Every field of every check. */
  FULL,
  /** Each check's name and status only: no output, data, timings. */
  NAMES,
  /** The overall status only: no checks. */
  STATUS;

  /** @return the JSON name */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param name {@code full}, {@code names} or {@code status}
   * @param field the config field, named in the error
   * @return the level
   * @throws IllegalArgumentException naming the field and the valid values
   */
  public static Detail fromWireName(String name, String field) {
    for (Detail d : values()) {
      if (d.wireName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(field + ": unknown detail level '" + name + "', expected full, names or status");
  }
}
