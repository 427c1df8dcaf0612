package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.BlockingCheck;
import dev.vitals.health.checks.impl.JdbcCheckImpl;

import javax.sql.DataSource;

/**
 * {@code Connection.isValid} on a JDBC connection, as a {@link BlockingCheck} (register it with
 * {@code registerBlocking}: it runs on the registry's worker pool): {@code pass} with the output
 * {@code connection to <url> valid in 1.2 ms}, {@code fail} when the connection cannot be had or is not valid.
 * Data: {@code {"product": "PostgreSQL", "version": "15.8 (...)", "latencyMs": 1.2}}. Passwords never appear in
 * outputs or data.
 */
public interface JdbcCheck extends BlockingCheck {

  /**
   * A check over the application's own {@code DataSource} (a pool, typically): each run borrows a connection and
   * gives it back.
   *
   * @param dataSource the application's data source; closing the check leaves it alone
   * @param check      the options the check is registered with: their {@code timeout} (ms) is the check's one
   *                   deadline, how long {@code Connection.isValid} may take (JDBC counts in seconds: rounded up)
   * @return the check; outputs name the server {@code jdbc}
   */
  static JdbcCheck create(DataSource dataSource, CheckOptions check) {
    return new JdbcCheckImpl(dataSource::getConnection, false, "jdbc", null, check.getTimeout());
  }

  /**
   * A check with a connection of its own ({@code DriverManager}), opened at the first run, kept while valid and
   * opened again after a failure; {@link #close()} closes it.
   *
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline,
   *                how long {@code Connection.isValid} may take (JDBC counts in seconds: rounded up)
   * @param options the URL, user and password
   * @return the check
   * @throws IllegalArgumentException {@code url: required field missing} without a URL
   */
  static JdbcCheck create(CheckOptions check, JdbcCheckOptions options) {
    if (options.getUrl() == null) {
      throw new IllegalArgumentException("url: required field missing");
    }
    return JdbcCheckImpl.ownConnection(new JdbcCheckOptions(options), check.getTimeout());
  }

  /** Closes the check's own connection, if it has one; blocks while the driver closes it. */
  void close();
}
