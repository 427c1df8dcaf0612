package dev.vitals.health.alerts.impl;

import dev.vitals.health.alerts.Silence;
import dev.vitals.health.test.LogCapture;
import dev.vitals.health.test.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared silences against a map a rogue or stale member of the cluster wrote to: the test plants entries in the
 * local Vert.x's shared map of the same name, which is the map the sync reads.
 */
@ExtendWith(VertxExtension.class)
class SilenceSyncTest {

  static final Instant START = Instant.parse("2026-12-06T12:00:00Z");
  static final long EVERY = 20;

  /** The time, recording reads on an event-loop thread, and able to hold the next read until released. */
  static final class TestClock extends Clock {
    final MutableClock clock = new MutableClock(START);
    final AtomicInteger eventLoopReads = new AtomicInteger();
    volatile CountDownLatch reached;
    volatile CountDownLatch release;

    @Override
    public ZoneId getZone() {
      return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      if (Context.isOnEventLoopThread()) {
        eventLoopReads.incrementAndGet();
      }
      CountDownLatch held = release;
      if (held != null && Thread.currentThread().getName().startsWith("vert.x-")) {
        release = null;
        reached.countDown();
        try {
          held.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return clock.instant();
    }
  }

  Vertx vertx;
  TestClock clock;
  String name;
  AsyncMap<String, String> map;
  @TempDir
  Path dir;
  Path file;
  final List<SilenceSync> syncs = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    clock = new TestClock();
    name = "silences-" + UUID.randomUUID();
    map = result(vertx.sharedData().getAsyncMap(name));
    file = dir.resolve("silences.json");
  }

  @AfterEach
  void tearDown() {
    syncs.forEach(SilenceSync::close);
  }

  SilencesImpl silences(int max) {
    SilencesImpl silences = new SilencesImpl(vertx, clock, file.toString(), max);
    result(silences.load());
    return silences;
  }

  SilenceSync start(SilencesImpl silences) {
    SilenceSync sync = new SilenceSync(vertx, silences, clock, name);
    syncs.add(sync);
    sync.start(EVERY);
    return sync;
  }

  static Silence silence(Duration ahead) {
    return new Silence(UUID.randomUUID().toString(), List.of("db/*"), List.of(), START.plus(ahead), "migrating",
      "alice", START);
  }

  /** A silence whose id is 3000 characters long, so that a log line naming it in full is long. */
  static Silence longId(Duration ahead, String reason) {
    return new Silence("x".repeat(3000) + UUID.randomUUID(), List.of("db/*"), List.of(), START.plus(ahead), reason,
      "mallory", START);
  }

  void plant(String key, String value) {
    result(map.put(key, value));
  }

  void plant(Silence silence) {
    plant(silence.id(), silence.toJson().encode());
  }

  /** Lets a few more syncs run. */
  static void syncs(int count) throws InterruptedException {
    Thread.sleep(count * EVERY + 50);
  }

  String fileText() throws Exception {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  @Test
  void entriesAreCheckedAsRequestsAreAndLogLinesCutThem() throws Exception {
    SilencesImpl silences = silences(10);
    Silence good = silence(Duration.ofHours(1));
    Silence century = longId(Duration.ofDays(36_500), "r");
    Silence longReason = longId(Duration.ofMinutes(1), "x".repeat(2 * 1024 * 1024));
    Silence blankReason = longId(Duration.ofHours(1), "r");
    Silence blankCheck = longId(Duration.ofHours(1), "r");
    Silence blankTag = longId(Duration.ofHours(1), "r");
    Silence ended = longId(Duration.ofHours(-1), "r");
    plant(good);
    plant(century);
    plant(longReason);
    plant(blankReason.id(), blankReason.toJson().put("reason", " ").encode());
    plant(blankCheck.id(), blankCheck.toJson().put("checks", new JsonArray().add(" ")).encode());
    plant(blankTag.id(), blankTag.toJson().put("tags", new JsonArray().add("")).encode());
    plant(ended);
    plant("k".repeat(10_000), "{\"not\": " + "[".repeat(50_000));
    try (LogCapture log = LogCapture.of(SilenceSync.class.getName())) {
      start(silences);
      until(() -> silences.get(good.id()) != null, () -> "never adopted: " + silences.list());
      syncs(5);
      assertThat(silences.list()).containsExactly(good);
      assertThat(fileText()).contains(good.id()).doesNotContain(century.id(), longReason.id(), blankReason.id(),
        blankCheck.id(), blankTag.id());
      assertThat(log.messages()).isNotEmpty().allSatisfy(line -> assertThat(line.length()).isLessThan(1_000));
    }
  }

  @Test
  void atMostTwiceMaxSilencesEntriesAreHandledPerSyncAndMoreIsLoggedOncePerBurst() throws Exception {
    SilencesImpl silences = silences(2);
    for (int i = 0; i < 40; i++) {
      plant("junk-" + i, new JsonObject().put("id", "junk-" + i).encode());
    }
    Silence good = silence(Duration.ofHours(1));
    plant(good);
    try (LogCapture log = LogCapture.of(SilenceSync.class.getName())) {
      start(silences);
      until(() -> silences.get(good.id()) != null, () -> "never adopted: " + silences.list());
      syncs(5);
      assertThat(log.messages().stream().filter(line -> line.contains("41 entries")).toList())
        .as(String.join("\n", log.messages()))
        .singleElement().asString()
        .contains("more than 2 × maxSilences (4)");
    }
  }

  @Test
  void theMergeRunsOffTheEventLoop() throws Exception {
    SilencesImpl silences = silences(10);
    result(silences.add(new JsonObject().put("checks", new JsonArray().add("db")).put("duration", 60_000)
      .put("reason", "r").put("createdBy", "c")));
    Silence good = silence(Duration.ofHours(1));
    plant(good);
    clock.eventLoopReads.set(0); // load() reads it there
    start(silences);
    until(() -> silences.get(good.id()) != null, () -> "never adopted: " + silences.list());
    syncs(5);
    assertThat(clock.eventLoopReads).as("the clock read on the event loop (by the merge)").hasValue(0);
  }

  @Test
  void aMalformedTombstoneDoesNotStopTheMerge() throws Exception {
    SilencesImpl silences = silences(10);
    for (int i = 0; i < 20; i++) {
      plant("bad-" + i, new JsonObject().put("id", "bad-" + i).put("removed", "yes").encode());
    }
    Silence good = silence(Duration.ofHours(1));
    plant(good);
    try (LogCapture log = LogCapture.of(SilenceSync.class.getName())) {
      start(silences);
      until(() -> silences.get(good.id()) != null, () -> "never adopted: " + silences.list() + log.messages());
    }
  }

  @Test
  void aRemovalIsNotUndoneByAStaleEntryNorAMissingTombstone() throws Exception {
    SilencesImpl silences = silences(2);
    start(silences);
    JsonObject request = new JsonObject().put("checks", new JsonArray().add("db")).put("duration", 3_600_000)
      .put("reason", "r").put("createdBy", "c");
    Silence made = result(silences.add(request));
    until(() -> result(map.get(made.id())) != null, () -> "not shared");
    String live = result(map.get(made.id()));
    result(silences.remove(made.id()));
    String tombstone = new JsonObject().put("id", made.id()).put("removed", true).encode();
    until(() -> tombstone.equals(result(map.get(made.id()))), () -> "no tombstone: " + result(map.get(made.id())));

    plant(made.id(), live); // a merge elsewhere read the map before the tombstone landed, and put it back
    syncs(5);
    assertThat(silences.get(made.id())).as("re-adopted").isNull();
    assertThat(fileText()).doesNotContain(made.id());
    until(() -> tombstone.equals(result(map.get(made.id()))), () -> "tombstone not put again");

    result(map.remove(made.id())); // the tombstone's put failed
    until(() -> tombstone.equals(result(map.get(made.id()))), () -> "tombstone not put again");

    // at most maxSilences tombstones remembered (the latest), none once the silence would have ended
    List<Silence> removed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Silence other = result(silences.add(request));
      result(silences.remove(other.id()));
      removed.add(other);
    }
    syncs(2);
    result(map.clear());
    syncs(5);
    Set<String> keys = result(map.keys());
    assertThat(keys).containsExactlyInAnyOrder(removed.get(1).id(), removed.get(2).id());
    clock.clock.advance(Duration.ofHours(2));
    result(map.clear());
    syncs(5);
    assertThat(result(map.keys())).isEmpty();
  }

  @Test
  void aMergeInFlightWhenClosedAdoptsNothingAndPutsNothing() throws Exception {
    SilencesImpl silences = silences(10);
    Silence own = result(silences.add(new JsonObject().put("checks", new JsonArray().add("db"))
      .put("duration", 3_600_000).put("reason", "r").put("createdBy", "c"))); // made before the sync: not in the map
    Silence good = silence(Duration.ofHours(1));
    plant(good);
    clock.reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    clock.release = release;
    SilenceSync sync = start(silences);
    assertThat(clock.reached.await(10, TimeUnit.SECONDS)).as("the merge read the clock").isTrue();
    sync.close();
    release.countDown();
    syncs(5);
    assertThat(silences.get(good.id())).as("adopted after close").isNull();
    assertThat(fileText()).doesNotContain(good.id());
    assertThat(result(map.get(own.id()))).as("put back after close").isNull();
  }

  @Test
  void oneMergeWritesTheFileOnce() throws Exception {
    SilencesImpl silences = silences(100);
    List<Silence> planted = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Silence silence = silence(Duration.ofHours(1));
      plant(silence);
      planted.add(silence);
    }
    Set<String> written = ConcurrentHashMap.newKeySet();
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      Thread watcher = new Thread(() -> {
        try {
          while (true) {
            WatchKey key = watch.take();
            for (WatchEvent<?> event : key.pollEvents()) {
              if (event.context() != null && event.context().toString().endsWith(".tmp")) {
                written.add(event.context().toString());
              }
            }
            key.reset();
          }
        } catch (InterruptedException | ClosedWatchServiceException e) {
          // done
        }
      });
      watcher.start();
      start(silences);
      until(() -> silences.list().size() == 50, () -> "adopted " + silences.list().size());
      syncs(5);
      until(() -> {
        try {
          return fileText().contains(planted.get(49).id()) && fileText().contains(planted.get(0).id());
        } catch (Exception e) {
          return false;
        }
      }, () -> "not written");
      Thread.sleep(200);
    }
    assertThat(written).as("file writes for one merge of 50 silences").hasSize(1);
  }
}
