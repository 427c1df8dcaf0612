package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.TlsCheckImpl;
import io.vertx.core.Vertx;

import java.time.Clock;

/**
 * Connects to {@code host:port} with TLS and judges the certificate chain the server presents (whoever signed it:
 * this check is about expiry and names, not trust): {@code fail} when a certificate of the chain has expired or is
 * not yet valid, or when the server's certificate does not hold the name ({@code serverName}, else the host) in its
 * subject alternative names (or, without any, its CN); {@code warn} when a certificate of the chain expires within
 * {@code warnBefore}; {@code pass} otherwise. Output: {@code certificate of api.example.com expires in 41 days
 * (2027-01-11T10:00:00Z)}; data: {@code {"subject", "issuer", "notBefore", "notAfter", "daysLeft"}} of the
 * certificate expiring first (ISO 8601 instants).
 */
public interface TlsCheck extends ResourceCheck {

  /**
   * @param vertx   the Vert.x instance to create the check's {@code NetClient} on
   *                (a {@link DependencyLoop}'s keeps its I/O off the application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, the connect
   *                and handshake timeout
   * @param options where to connect, the name and the warning period
   * @return the check; close it to close its client
   */
  static TlsCheck create(Vertx vertx, CheckOptions check, TlsCheckOptions options) {
    return create(vertx, check, options, Clock.systemUTC());
  }

  /**
   * @param vertx   the Vert.x instance to create the check's {@code NetClient} on
   *                (a {@link DependencyLoop}'s keeps its I/O off the application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, the connect
   *                and handshake timeout
   * @param options where to connect, the name and the warning period
   * @param clock   the time certificates are judged at
   * @return the check; close it to close its client
   */
  static TlsCheck create(Vertx vertx, CheckOptions check, TlsCheckOptions options, Clock clock) {
    return new TlsCheckImpl(vertx, new TlsCheckOptions(options), check.getTimeout(), clock);
  }
}
