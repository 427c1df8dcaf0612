package dev.vitals.health.alerts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An active alert as {@link Alerting#active()} shows it: the alert, whether its first message was sent, and what
 * silences it now. JSON form: the {@link Alert}'s, with
 * <pre>{@code
 *  "sent": true,                                            // whether its firing message went to the channels
 *  "silenced": true,                                        // whether a silence or an open window holds it back
 *  "silencedBy": {"silences": ["0b9d1c9e-..."], "windows": ["nightly-backup"]}
 * }</pre>
 *
 * @param alert    the alert as it is now
 * @param sent     whether its firing message was handed to the channels (it may wait for {@code groupWait}, or be
 *                 held back by a silence or a window)
 * @param silences the ids of the silences matching it now
 * @param windows  the names of the open maintenance windows matching it now
 */
public record ActiveAlert(Alert alert, boolean sent, List<String> silences, List<String> windows) {

  /**
   * Copies the lists.
   *
   * @param alert the alert as it is now
   * @param sent whether its firing message was handed to the channels (it may wait for {@code groupWait}, or be held back by a silence or a window)
   * @param silences the ids of the silences matching it now
   * @param windows the names of the open maintenance windows matching it now
   */
  public ActiveAlert {
    silences = List.copyOf(silences);
    windows = List.copyOf(windows);
  }

  /** @return whether a silence or an open window holds its messages back now */
  public boolean silenced() {
    return !silences.isEmpty() || !windows.isEmpty();
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return alert.toJson().put("sent", sent).put("silenced", silenced()).put("silencedBy", new JsonObject()
      .put("silences", new JsonArray(List.copyOf(silences))).put("windows", new JsonArray(List.copyOf(windows))));
  }
}
