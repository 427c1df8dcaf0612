package dev.vitals.health.alerts.impl;

import dev.vitals.health.JsonForm;
import dev.vitals.health.alerts.Silence;
import dev.vitals.health.alerts.Silences;
import dev.vitals.health.internal.BurstLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** The silences, in memory and in their file. */
public final class SilencesImpl implements Silences {

  private static final Logger LOG = Logger.getLogger(SilencesImpl.class.getName());
  private static final JsonForm REQUEST = JsonForm.of("")
    .strings("checks", "tags").text("until").duration("duration").text("reason", "createdBy");

  /**
   * The most bytes the file may hold per silence of {@code maxSilences} (256 KiB: four times the largest request
   * body, pretty-printed); a larger file is not read (moved aside), so that a file of any size cannot exhaust the
   * heap at start.
   */
  static final int MAX_BYTES_PER_SILENCE = 256 * 1024;

  /**
   * The most bytes of a silence's JSON form (UTF-8, as {@link Silence#toJson()} encodes it): 64 KiB, the largest
   * request body; a larger silence is refused, whether a request makes it or the fleet's map brings it.
   */
  static final int MAX_SILENCE_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final Clock clock;
  private final Path file;
  private final int max;
  private final BurstLog writeFaults = new BurstLog(SilencesImpl.class, 60_000);
  /** By id, oldest first; guarded by this. */
  private final Map<String, Silence> silences = new LinkedHashMap<>();
  /** The check globs of each silence, compiled once; guarded by this. */
  private final Map<String, List<Pattern>> globs = new HashMap<>();
  /** Told of each silence added or removed through this instance's API (not of those adopted from the fleet). */
  private volatile SilenceSync sync;

  /**
   * @param vertx whose worker threads write the file
   * @param clock the time
   * @param file  the silences file, or {@code null}
   * @param max   the most silences held
   */
  public SilencesImpl(Vertx vertx, Clock clock, String file, int max) {
    this.vertx = vertx;
    this.clock = clock;
    this.file = file == null ? null : Path.of(file);
    this.max = max;
  }

  /**
   * Reads the file, on a worker thread. A file that cannot be read as silences is logged (one line), moved aside to
   * {@code <file>.corrupt} and the silences start empty; one that is not a regular file (after links: a FIFO, a
   * device) is logged and not read, the silences start empty; so is one of more than {@code maxSilences} ×
   * {@value #MAX_BYTES_PER_SILENCE} bytes, moved aside as well; silences that have ended are left out.
   *
   * @return a future completed when done; never failed
   */
  public Future<Void> load() {
    if (file == null) {
      return Future.succeededFuture();
    }
    return vertx.<List<Silence>>executeBlocking(() -> {
      String text;
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // a FIFO would block the start forever, a device such as /dev/zero be read until out of memory
        LOG.warning("silencesFile: " + file + " is not a regular file; starting without silences (the next change"
          + " replaces it with one)");
        return List.of();
      }
      try {
        long size = Files.size(file);
        if (size > (long) max * MAX_BYTES_PER_SILENCE) {
          Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
          Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
          LOG.warning("silencesFile: " + file + " holds " + size + " bytes, more than maxSilences (" + max + ") × "
            + MAX_BYTES_PER_SILENCE + " bytes; starting without silences, the file moved to " + aside);
          return List.of();
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return List.of();
      }
      try {
        List<Silence> read = new ArrayList<>();
        JsonArray array = new JsonObject(text).getJsonArray("silences");
        if (array == null) {
          throw new IllegalArgumentException("silences: required field missing");
        }
        for (Object item : array) {
          if (!(item instanceof JsonObject)) {
            throw new IllegalArgumentException("silences: expected an array of objects, got '" + item + "'");
          }
          read.add(Silence.fromJson((JsonObject) item));
        }
        return read;
      } catch (RuntimeException e) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        LOG.warning("silencesFile: could not read " + file + " (" + e.getMessage() + "); starting without silences,"
          + " the file moved to " + aside);
        return List.of();
      }
    }, false).otherwise(e -> {
      LOG.warning("silencesFile: could not read " + file + " (" + e + "); starting without silences");
      return List.of();
    }).map(read -> {
      Instant now = clock.instant();
      int left = 0;
      synchronized (this) {
        for (Silence silence : read) {
          if (silence.activeAt(now)) {
            if (silences.size() < max) {
              put(silence);
            } else {
              left++;
            }
          }
        }
      }
      if (left > 0) {
        LOG.warning("silencesFile: " + file + " holds more silences than maxSilences (" + max + "); " + left
          + " left out");
      }
      return null;
    });
  }

  @Override
  public Future<Silence> add(JsonObject request) {
    Silence silence;
    JsonArray snapshot;
    try {
      silence = parse(request);
      synchronized (this) {
        expire(silence.createdAt());
        if (silences.size() >= max) {
          throw new IllegalStateException("silences: already " + silences.size() + " silences (maxSilences); remove"
            + " one or wait for one to end");
        }
        put(silence);
        snapshot = snapshot();
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SilenceSync shared = sync;
    if (shared != null) {
      shared.added(silence);
    }
    return persist(snapshot).map(silence);
  }

  private Silence parse(JsonObject request) {
    JsonObject read = REQUEST.read(request == null ? new JsonObject() : request);
    Instant now = clock.instant();
    Instant until;
    if (read.containsKey("until") == read.containsKey("duration")) {
      throw new IllegalArgumentException("until: expected either until (an instant) or duration, got "
        + (read.containsKey("until") ? "both" : "neither"));
    }
    if (read.containsKey("until")) {
      try {
        until = Instant.parse(read.getString("until"));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("until: expected an ISO-8601 instant such as \"2026-12-06T14:00:00Z\", got '"
          + read.getString("until") + "'");
      }
    } else {
      until = now.plusMillis(read.getLong("duration"));
    }
    checkUntil(until, now);
    for (String field : List.of("reason", "createdBy")) {
      if (!read.containsKey(field)) {
        throw new IllegalArgumentException(field + ": expected a non-empty string, got 'null'");
      }
    }
    return check(new Silence(UUID.randomUUID().toString(), strings(read, "checks"), strings(read, "tags"), until,
      read.getString("reason"), read.getString("createdBy"), now), now);
  }

  private static List<String> strings(JsonObject read, String field) {
    JsonArray array = read.getJsonArray(field);
    if (array == null) {
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (Object item : array) {
      list.add((String) item);
    }
    return list;
  }

  /**
   * The rules every silence this instance takes meets, whether a request to its API makes it or the fleet's map
   * brings it: it ends after {@code now} and at most {@link Silences#MAX_AHEAD} after; {@code reason},
   * {@code createdBy} and each of {@code checks} and {@code tags} are non-empty strings (not blank); checks, tags or
   * both (the record's own rule); its JSON form holds at most {@value #MAX_SILENCE_BYTES} bytes.
   *
   * @param silence the silence
   * @param now     the time
   * @return the silence
   * @throws IllegalArgumentException naming the field, as {@link Silences#add} describes
   */
  static Silence check(Silence silence, Instant now) {
    checkUntil(silence.until(), now);
    text("reason", silence.reason());
    text("createdBy", silence.createdBy());
    for (String field : List.of("checks", "tags")) {
      for (String item : field.equals("checks") ? silence.checks() : silence.tags()) {
        if (item == null || item.isBlank()) {
          throw new IllegalArgumentException(field + ": expected non-empty strings, got '" + item + "'");
        }
      }
    }
    int bytes = utf8Length(silence.toJson().encode());
    if (bytes > MAX_SILENCE_BYTES) {
      throw new IllegalArgumentException("silence: expected at most " + MAX_SILENCE_BYTES + " bytes in JSON form,"
        + " got " + bytes);
    }
    return silence;
  }

  private static void checkUntil(Instant until, Instant now) {
    if (!until.isAfter(now) || until.isAfter(now.plus(MAX_AHEAD))) {
      throw new IllegalArgumentException("until: expected an instant after now and at most 90 days ahead, got '"
        + until + "'");
    }
  }

  private static void text(String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": expected a non-empty string, got '" + value + "'");
    }
  }

  /** @return the bytes of the text in UTF-8, counted without encoding it */
  static int utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }

  @Override
  public synchronized List<Silence> list() {
    Instant now = clock.instant();
    return silences.values().stream().filter(s -> s.activeAt(now)).toList();
  }

  @Override
  public synchronized Silence get(String id) {
    Silence silence = silences.get(id);
    return silence != null && silence.activeAt(clock.instant()) ? silence : null;
  }

  @Override
  public Future<Boolean> remove(String id) {
    JsonArray snapshot;
    synchronized (this) {
      Silence removed = silences.remove(id);
      globs.remove(id);
      if (removed == null || !removed.activeAt(clock.instant())) {
        return Future.succeededFuture(false);
      }
      snapshot = snapshot();
      SilenceSync shared = sync;
      if (shared != null) {
        shared.removed(removed);
      }
    }
    return persist(snapshot).map(true);
  }

  /**
   * @param sync told from now on of the silences this instance's API adds and removes, and the only one whose
   *             {@link #merge} is applied; {@code null} for none (once this returns, no merge is applied)
   */
  synchronized void sync(SilenceSync sync) {
    this.sync = sync;
  }

  /** @return {@code maxSilences} */
  int max() {
    return max;
  }

  /**
   * Applies one read of the fleet's map at once: forgets the silences another instance removed ({@code drop}), then
   * takes those another made ({@code adopt}, already {@linkplain #check checked}) unless known, ended, or
   * {@code maxSilences} are held (then left out, logged once per burst); writes the file once when anything changed.
   * Nothing is applied when {@code from} is no longer the sync told of this instance's changes (it was closed).
   *
   * @return whether it was applied
   */
  boolean merge(SilenceSync from, List<Silence> adopt, Collection<String> drop) {
    Map<String, List<Pattern>> compiled = new HashMap<>();
    for (Silence silence : adopt) {
      compiled.put(silence.id(), Globs.compileAll(silence.checks())); // outside the lock: the matching waits for it
    }
    JsonArray snapshot;
    int left = 0;
    synchronized (this) {
      if (sync != from) {
        return false;
      }
      boolean changed = false;
      for (String id : drop) {
        if (silences.remove(id) != null) {
          globs.remove(id);
          changed = true;
        }
      }
      Instant now = clock.instant();
      for (Silence silence : adopt) {
        if (silences.containsKey(silence.id()) || !silence.activeAt(now)) {
          continue;
        }
        if (silences.size() >= max) {
          left++;
          continue;
        }
        silences.put(silence.id(), silence);
        globs.put(silence.id(), compiled.get(silence.id()));
        changed = true;
      }
      snapshot = changed ? snapshot() : null;
    }
    if (left > 0) {
      int count = left;
      writeFaults.log(Level.WARNING, () -> "silences: " + count + " of the fleet's silences left out: already " + max
        + " silences (maxSilences)");
    }
    if (snapshot != null) {
      persist(snapshot);
    }
    return true;
  }

  /** @return every silence held, those that have ended included until the next expiry */
  synchronized List<Silence> held() {
    return List.copyOf(silences.values());
  }

  /**
   * @param name a check's name
   * @param tags its tags
   * @param now  the time
   * @return the ids of the silences holding at {@code now} that match the check, oldest first
   */
  public synchronized List<String> matching(String name, Set<String> tags, Instant now) {
    List<String> ids = new ArrayList<>();
    for (Silence silence : silences.values()) {
      if (silence.activeAt(now) && Globs.anyMatches(globs.get(silence.id()), name)
        && Globs.anyTag(silence.tags(), tags)) {
        ids.add(silence.id());
      }
    }
    return ids;
  }

  /**
   * Forgets the silences that have ended, and writes the file when one did.
   *
   * @param now the time
   */
  public void expireAndPersist(Instant now) {
    JsonArray snapshot;
    synchronized (this) {
      if (!expire(now)) {
        return;
      }
      snapshot = snapshot();
    }
    persist(snapshot);
  }

  private boolean expire(Instant now) {
    boolean any = silences.values().removeIf(silence -> !silence.activeAt(now));
    globs.keySet().retainAll(silences.keySet());
    return any;
  }

  private void put(Silence silence) {
    silences.put(silence.id(), silence);
    globs.put(silence.id(), Globs.compileAll(silence.checks()));
  }

  private JsonArray snapshot() {
    JsonArray array = new JsonArray();
    silences.values().forEach(silence -> array.add(silence.toJson()));
    return array;
  }

  /**
   * Writes the file with the snapshot, on a worker thread, in the order of the changes (an ordered blocking task):
   * to a new temporary file beside it ({@code <file>.<random>.tmp}, created exclusively, owner-only), then moved over
   * it atomically.
   *
   * @return a future failed with an {@link IllegalStateException} naming the file when it cannot be written
   */
  private Future<Void> persist(JsonArray snapshot) {
    if (file == null) {
      return Future.succeededFuture();
    }
    return vertx.<Void>executeBlocking(() -> {
      // Encoded here, off the event loop: up to maxSilences × 64 KiB of text.
      String text = new JsonObject().put("silences", snapshot).encodePrettily();
      Path absolute = file.toAbsolutePath();
      // A new file of a random name, created exclusively (O_EXCL: never through a link someone planted there)
      Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return null;
    }, true).recover(e -> {
      String message = "silencesFile: could not write " + file + ": " + (e instanceof IOException
        ? e.toString() : e.getMessage()) + "; the change holds until the process stops";
      writeFaults.log(Level.WARNING, () -> message);
      return Future.failedFuture(new IllegalStateException(message, e));
    });
  }
}
