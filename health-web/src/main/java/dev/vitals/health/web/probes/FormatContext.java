package dev.vitals.health.web.probes;

import dev.vitals.health.ApplicationOptions;

/**
 * What a {@link HealthFormat} may need besides the report. Immutable.
 */
public final class FormatContext {

  private final String hostname;
  private final ApplicationOptions application;
  private final boolean success;
  private final Detail detail;
  private final String name;

  /**
   * @param hostname    the host name to show
   * @param application the application's name, version, release and service ids, description (resolved)
   * @param success     whether the answer's HTTP code is 2xx
   * @param detail      how much to show; the report is already trimmed to it
   * @param name        the check or group asked for ({@code db} in {@code /health/db}), or {@code ""} for a whole
   *                    path or probe
   */
  public FormatContext(String hostname, ApplicationOptions application, boolean success, Detail detail, String name) {
    this.hostname = hostname;
    this.application = application;
    this.success = success;
    this.detail = detail;
    this.name = name;
  }

  /** @return the host name to show */
  public String hostname() {
    return hostname;
  }

  /** @return the application's options, resolved (no null name or version) */
  public ApplicationOptions application() {
    return application;
  }

  /** @return whether the answer's HTTP code is 2xx */
  public boolean success() {
    return success;
  }

  /** @return how much to show */
  public Detail detail() {
    return detail;
  }

  /** @return the check or group asked for, or {@code ""} */
  public String name() {
    return name;
  }
}
