package dev.vitals.health.checks.impl;

/** The range checks the options' setters share; each names its field as the JSON form does. */
public final class Limits {

  private Limits() {
  }

  /**
   * @param value a duration in ms
   * @param field the field's name in the JSON form
   * @return the value
   * @throws IllegalArgumentException {@code "<field>: must be positive, got <n> ms"}
   */
  public static long positive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": must be positive, got " + value + " ms");
    }
    return value;
  }

  /**
   * @param value a duration in ms
   * @param field the field's name in the JSON form
   * @return the value
   * @throws IllegalArgumentException {@code "<field>: must not be negative, got <n> ms"}
   */
  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must not be negative, got " + value + " ms");
    }
    return value;
  }

  /**
   * @param port  a port
   * @param field the field's name in the JSON form
   * @return the port
   * @throws IllegalArgumentException {@code "<field>: expected an integer from 1 to 65535, got <n>"}
   */
  public static int port(int port, String field) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(field + ": expected an integer from 1 to 65535, got " + port);
    }
    return port;
  }
}
