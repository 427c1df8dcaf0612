package dev.vitals.health;

import java.time.Instant;
import java.util.Objects;

/**
 * The maintenance state a {@link MaintenanceSource} reports at one moment. Immutable.
 *
 * <p>{@code since} is when the state last changed as far as the source knows (for Consul, when this process
 * first saw it); {@code stale} means the source could not be reached and this is the last known state, with
 * {@code error} saying why.
 */
public final class MaintenanceState {

  private final ServiceStatus status;
  private final String reason;
  private final Instant since;
  private final String source;
  private final boolean stale;
  private final String error;

  /**
   * @param status the status, not null
   * @param reason why it is in maintenance, or {@code null}
   * @param since  when the state began, not null
   * @param source which source reports it ({@code local}, {@code consul}), not null
   * @param stale  whether the source could not be reached and this is the last known state
   * @param error  why the source could not be reached, or {@code null}
   */
  public MaintenanceState(ServiceStatus status, String reason, Instant since, String source, boolean stale,
                          String error) {
    this.status = Objects.requireNonNull(status, "status");
    this.reason = reason;
    this.since = Objects.requireNonNull(since, "since");
    this.source = Objects.requireNonNull(source, "source");
    this.stale = stale;
    this.error = error;
  }

  /**
   * @param since  when the state began
   * @param source the source's name
   * @return an {@code ok}, fresh state
   */
  public static MaintenanceState ok(Instant since, String source) {
    return new MaintenanceState(ServiceStatus.OK, null, since, source, false, null);
  }

  /**
   * @param error why the source could not be reached
   * @return this state marked stale with that error (the same status, reason and since)
   */
  public MaintenanceState asStale(String error) {
    return new MaintenanceState(status, reason, since, source, true, error);
  }

  /** @return this state marked fresh, without error */
  public MaintenanceState asFresh() {
    return stale || error != null ? new MaintenanceState(status, reason, since, source, false, null) : this;
  }

  /**
   * @param other another state
   * @return whether the two differ in status or reason (what a change notification is about)
   */
  public boolean differsFrom(MaintenanceState other) {
    return other == null || status != other.status || !Objects.equals(reason, other.reason);
  }

  /** @return the status */
  public ServiceStatus status() {
    return status;
  }

  /** @return {@code true} when the status is {@link ServiceStatus#MAINTENANCE} */
  public boolean inMaintenance() {
    return status == ServiceStatus.MAINTENANCE;
  }

  /** @return why it is in maintenance, or {@code null} */
  public String reason() {
    return reason;
  }

  /** @return when the state began */
  public Instant since() {
    return since;
  }

  /** @return the source's name: {@code local} or {@code consul} */
  public String source() {
    return source;
  }

  /** @return whether this is the last known state of a source that cannot be reached */
  public boolean stale() {
    return stale;
  }

  /** @return why the source could not be reached, or {@code null} */
  public String error() {
    return error;
  }

  @Override
  public String toString() {
    return status.wireName() + (reason == null ? "" : " (" + reason + ")") + " from " + source
      + " since " + since + (stale ? " stale: " + error : "");
  }
}
