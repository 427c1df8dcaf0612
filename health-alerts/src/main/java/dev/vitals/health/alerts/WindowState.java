package dev.vitals.health.alerts;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintenance window at one time, as {@link Alerting#windows()} shows it. JSON form:
 * <pre>{@code
 * {"name": "nightly-backup", "open": true,
 *  "openedAt": "2026-12-06T01:00:00Z",      // its latest opening; null when it never opened yet
 *  "closesAt": "2026-12-06T01:30:00Z",      // when that opening ends; null as openedAt
 *  "nextOpen": "2026-12-07T01:00:00Z",      // its next opening; null when the cron expression names none
 *  "statusMaintenance": false}
 * }</pre>
 *
 * @param name              the window's name
 * @param open              whether it is open
 * @param openedAt          its latest opening at or before the time, or {@code null}
 * @param closesAt          when that opening ends, or {@code null}
 * @param nextOpen          its next opening after the time, or {@code null}
 * @param statusMaintenance whether {@code /status} reports maintenance while it is open
 */
public record WindowState(String name, boolean open, Instant openedAt, Instant closesAt, Instant nextOpen,
                          boolean statusMaintenance) {

  /**
   * Checks the name.
   *
   * @param name the window's name
   * @param open whether it is open
   * @param openedAt its latest opening at or before the time, or {@code null}
   * @param closesAt when that opening ends, or {@code null}
   * @param nextOpen its next opening after the time, or {@code null}
   * @param statusMaintenance whether {@code /status} reports maintenance while it is open
   * @throws NullPointerException when the name is null
   */
  public WindowState {
    Objects.requireNonNull(name, "name");
  }

  /** @return {@code "maintenance window nightly-backup, until 2026-12-06T01:30:00Z"}, for {@code /status} */
  public String reason() {
    return "maintenance window " + name + ", until " + closesAt;
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("open", open).put("openedAt", text(openedAt))
      .put("closesAt", text(closesAt)).put("nextOpen", text(nextOpen)).put("statusMaintenance", statusMaintenance);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
