package dev.vitals.health.web.probes;

/** How much of a health report a path shows. JSON names: {@code full}, {@code names}, {@code status}. */
public enum Detail {
  /** Every field of every check. */
  FULL,
  /** Each check's name and status only: no output, data, timings. */
  NAMES,
  /** The overall status only: no checks. */
  STATUS
}
