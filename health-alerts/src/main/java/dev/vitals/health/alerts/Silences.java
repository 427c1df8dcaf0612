package dev.vitals.health.alerts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;

/**
 * The silences of an {@link Alerting}: made, listed and removed through the HTTP API
 * ({@code POST/GET/DELETE /alerts/silences}), ending by themselves at their {@code until} (the alerting's clock),
 * kept in {@link AlertsOptions#getSilencesFile()} when one is set (the file is written whole, to a temporary file
 * then moved over the old one, after each change, and read when the alerting is created), and bounded by
 * {@link AlertsOptions#getMaxSilences()}. Thread-safe.
 */
public interface Silences {

  /** How far ahead a silence may end at most: 90 days. */
  Duration MAX_AHEAD = Duration.ofDays(90);

  /**
   * Makes a silence. The request, as {@code POST /alerts/silences} takes it:
   * <pre>{@code
   * {"checks": ["db/*"],                 // name globs; checks, tags or both
   *  "tags": ["batch"],
   *  "until": "2026-12-06T14:00:00Z",    // when it ends (ISO-8601), or:
   *  "duration": "2h",                   // how long from now it lasts (ms, or "30m", "2h"); one of until and duration
   *  "reason": "migrating the primary",  // required
   *  "createdBy": "alice"}               // required
   * }</pre>
   *
   * @param request the request
   * @return the silence made (a random UUID as id, the clock's now as {@code createdAt}), once it is kept in the
   * silences file if one is set; failed with an {@link IllegalArgumentException} naming the field when the request
   * is invalid ({@code "until: expected an instant after now and at most 90 days ahead, got '...'"},
   * {@code "checks: expected check name globs, tags or both, got neither"}, {@code "reason: expected a non-empty
   * string, got 'null'"}; {@code "silence: expected at most 65536 bytes in JSON form, got <n>"} for a silence whose
   * {@link Silence#toJson() JSON form} would exceed 64 KiB, the most a fleet's map carries), with an
   * {@link IllegalStateException} {@code "silences: already 1000 silences
   * (maxSilences); remove one or wait for one to end"} when full, and with an {@link IllegalStateException}
   * {@code "silencesFile: could not write <path>: <reason>; the change holds until the process stops"} when the file
   * cannot be written (the silence is made nevertheless)
   */
  Future<Silence> add(JsonObject request);

  /** @return the silences that have not ended, oldest first */
  List<Silence> list();

  /**
   * @param id a silence's id
   * @return the silence, or {@code null} when none has that id or it has ended
   */
  Silence get(String id);

  /**
   * Ends a silence now.
   *
   * @param id a silence's id
   * @return {@code true} when it was removed, {@code false} when no silence that has not ended has that id; failed
   * as {@link #add} when the file cannot be written (the silence is removed nevertheless)
   */
  Future<Boolean> remove(String id);

  /** @return the silences that have not ended, oldest first, in {@link Silence}'s JSON form */
  default JsonArray toJson() {
    JsonArray array = new JsonArray();
    list().forEach(silence -> array.add(silence.toJson()));
    return array;
  }
}
