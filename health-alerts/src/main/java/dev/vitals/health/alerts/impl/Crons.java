package dev.vitals.health.alerts.impl;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/** Cron expressions of maintenance windows, in the Unix definition (5 fields), through cron-utils. */
public final class Crons {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private Crons() {
  }

  /**
   * @param cron an expression such as {@code "0 2 * * 0"}
   * @return it parsed and validated
   * @throws IllegalArgumentException {@code "cron: expected a Unix cron expression (5 fields: ...), got '<cron>':
   *                                  <cron-utils' reason>"}, one line
   */
  public static Cron parse(String cron) {
    try {
      if (cron == null || cron.isBlank()) {
        throw new IllegalArgumentException("empty");
      }
      return PARSER.parse(cron).validate();
    } catch (RuntimeException e) {
      String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
      throw new IllegalArgumentException("cron: expected a Unix cron expression (5 fields: minute hour day-of-month"
        + " month day-of-week), got '" + cron + "': " + reason, e);
    }
  }
}
