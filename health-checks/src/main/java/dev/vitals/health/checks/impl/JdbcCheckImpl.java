package dev.vitals.health.checks.impl;

import dev.vitals.health.ProcedureResult;
import dev.vitals.health.checks.JdbcCheck;
import dev.vitals.health.checks.JdbcCheckOptions;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/** {@code Connection.isValid} on a borrowed connection, or on one kept between runs. */
public final class JdbcCheckImpl implements JdbcCheck {

  /** Where a run's connection comes from. */
  @FunctionalInterface
  public interface Connector {
    /**
     * @return a connection
     * @throws SQLException when none can be had
     */
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final boolean keep;
  private final String server;
  private final String password;
  private final int timeoutSeconds;
  private Connection kept;

  /**
   * @param connector where connections come from
   * @param keep      whether the connection is kept between runs (and closed by {@link #close()}), else closed after
   *                  each run (given back to a pool)
   * @param server    how outputs name the server, without credentials
   * @param password  the password, masked wherever it could show in an error message; {@code null} for none known
   * @param timeout   how long validation may take, in ms
   */
  public JdbcCheckImpl(Connector connector, boolean keep, String server, String password, long timeout) {
    this.connector = connector;
    this.keep = keep;
    this.server = server;
    this.password = password;
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout + 999) / 1000));
  }

  /**
   * @param options the URL, user and password
   * @param timeout how long validation may take, in ms
   * @return a check keeping one {@code DriverManager} connection
   */
  public static JdbcCheckImpl ownConnection(JdbcCheckOptions options, long timeout) {
    return new JdbcCheckImpl(() -> DriverManager.getConnection(options.getUrl(), options.getUser(),
      options.getPassword()), true, Secrets.maskUri(options.getUrl()), options.getPassword(), timeout);
  }

  @Override
  public synchronized ProcedureResult run() {
    long start = System.nanoTime();
    Connection connection = null;
    boolean valid = false;
    try {
      connection = keep && kept != null ? kept : connector.connect();
      valid = connection.isValid(timeoutSeconds);
      double latencyMs = (System.nanoTime() - start) / 1e6;
      if (!valid) {
        return ProcedureResult.fail("connection to " + server + " not valid");
      }
      DatabaseMetaData metadata = connection.getMetaData();
      return ProcedureResult.pass(String.format(Locale.ROOT, "connection to %s valid in %.1f ms", server, latencyMs))
        .withData(new JsonObject().put("product", metadata.getDatabaseProductName())
          .put("version", metadata.getDatabaseProductVersion()).put("latencyMs", latencyMs));
    } catch (SQLException e) {
      valid = false;
      return ProcedureResult.fail("connection to " + server + ": " + Secrets.mask(ProcedureResult.describe(e), password));
    } finally {
      if (keep) {
        kept = valid ? connection : null;
        if (!valid) {
          closeQuietly(connection);
        }
      } else {
        closeQuietly(connection);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // a connection that failed anyway: nothing more to release
      }
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(kept);
    kept = null;
  }
}
