package dev.vitals.health;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * How a {@link CheckRegistry}'s writes to its {@link HistoryStore} go ({@link CheckRegistry#historyRecording()}):
 * what was read back at start, what is held while the store fails, what was dropped beyond
 * {@linkplain HistoryOptions#getBufferSize() the bound}.
 *
 * <p>JSON form ({@link #toJson()}): {@code {"instance": "vm-1", "loaded": true, "loadedRows": 1440,
 * "fault": null, "lastWrite": "2026-11-21T12:00:15Z", "written": 2880, "buffered": 0, "dropped": 0}}.
 *
 * @param instance   this instance's name in the store
 * @param loaded     whether the read of the store at start is over (succeeded or failed)
 * @param loadedRows the hourly sums and minutes read back at start
 * @param fault      the store's last fault ({@code "<message>"}), {@code null} once a write succeeded after it
 * @param lastWrite  when the last write succeeded, {@code null} before the first
 * @param written    rows written since the registry started
 * @param buffered   rows held now, to be written at the next flush
 * @param dropped    rows dropped since the registry started, the buffer being full (the oldest first)
 */
public record HistoryRecording(String instance, boolean loaded, long loadedRows, String fault, Instant lastWrite,
                               long written, int buffered, long dropped) {

  /** @return the JSON form described on this record */
  public JsonObject toJson() {
    return new JsonObject().put("instance", instance).put("loaded", loaded).put("loadedRows", loadedRows)
      .put("fault", fault).put("lastWrite", lastWrite == null ? null : lastWrite.toString()).put("written", written)
      .put("buffered", buffered).put("dropped", dropped);
  }
}
