package dev.vitals.health.checks;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.checks.impl.DnsCheckImpl;
import io.vertx.core.Vertx;

/**
 * Resolves a name with Vert.x's {@code DnsClient} (A records, or AAAA with {@code ipv6}): {@code pass} with the
 * output {@code db.internal resolves to 10.0.0.5} when the answer holds an address (one of {@code expected}, when
 * given); {@code fail} when it holds none, none expected ({@code ..., expected one of ...}), or the query fails or
 * times out. Data: {@code {"addresses": [...]}}.
 */
public interface DnsCheck extends ResourceCheck {

  /**
   * @param vertx   the Vert.x instance to create the check's {@code DnsClient} on
   *                (a {@link DependencyLoop}'s keeps its I/O off the application's event loops)
   * @param check   the options the check is registered with: their {@code timeout} (ms) is the check's one deadline, the query
   *                timeout
   * @param options the name, the expected addresses and the server
   * @return the check; close it to close its client
   */
  static DnsCheck create(Vertx vertx, CheckOptions check, DnsCheckOptions options) {
    return new DnsCheckImpl(vertx, new DnsCheckOptions(options), check.getTimeout());
  }
}
