package dev.vitals.health.fleet;

/**
 * How many ready instances a fleet needs: a count ({@code 2}) or a percentage of the instances it knows
 * ({@code "50%"}, rounded up: 50 % of 3 is 2). Immutable.
 *
 * <p>Instances that left do not count towards the total; missing ones do (they may come back). A percentage needs
 * at least one ready instance: an empty fleet (a Consul source before its first answer) does not meet
 * {@code "50%"}. Only a count of 0 is met by no instance at all.
 */
public final class Quorum {

  private final int count;
  private final int percent;

  private Quorum(int count, int percent) {
    this.count = count;
    this.percent = percent;
  }

  /**
   * @param count how many ready instances are needed, {@code >= 0}
   * @return the quorum
   * @throws IllegalArgumentException when negative
   */
  public static Quorum count(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("quorum: must not be negative, got " + count);
    }
    return new Quorum(count, -1);
  }

  /**
   * @param percent the share of the known instances that must be ready, in percent, 1 to 100
   * @return the quorum
   * @throws IllegalArgumentException when out of range
   */
  public static Quorum percent(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("quorum: a percentage must be 1% to 100%, got " + percent + "%");
    }
    return new Quorum(-1, percent);
  }

  /**
   * Reads the JSON form: a non-negative integer, or a string {@code "<n>%"} or {@code "<n>"}.
   *
   * @param value the JSON value
   * @return the quorum
   * @throws IllegalArgumentException {@code "quorum: expected a count (2) or a percentage ("50%"), got '<value>'"}
   */
  public static Quorum parse(Object value) {
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return count((int) ((Number) value).longValue());
    }
    if (value instanceof String text) {
      String trimmed = text.trim();
      try {
        return trimmed.endsWith("%")
          ? percent(Integer.parseInt(trimmed.substring(0, trimmed.length() - 1).trim()))
          : count(Integer.parseInt(trimmed));
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw new IllegalArgumentException("quorum: expected a count (2) or a percentage (\"50%\"), got '" + value + "'");
  }

  /**
   * @param total how many instances are known (up or missing)
   * @return how many of them must be ready: the count, or the percentage of {@code total} rounded up and at least 1
   */
  public int min(int total) {
    return count >= 0 ? count : Math.max(1, (int) Math.ceil(total * percent / 100.0));
  }

  /** @return the JSON form: the count as an integer, a percentage as {@code "<n>%"} */
  public Object toJson() {
    return count >= 0 ? (Object) count : percent + "%";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quorum other && other.count == count && other.percent == percent;
  }

  @Override
  public int hashCode() {
    return count * 131 + percent;
  }

  @Override
  public String toString() {
    return String.valueOf(toJson());
  }
}
