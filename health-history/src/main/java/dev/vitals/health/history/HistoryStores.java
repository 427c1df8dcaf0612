package dev.vitals.health.history;

import dev.vitals.health.HistoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Opens the {@link HistoryStore} that {@link HistoryStoreOptions} name. */
public final class HistoryStores {

  private HistoryStores() {
  }

  /**
   * @param vertx   the Vert.x the store uses (worker thread, timers)
   * @param options which store, where, and its retentions
   * @return the store, ready: {@link HistoryStore#memory()} for {@code memory}, {@link SqliteHistoryStore#open} for
   * {@code sqlite}; failed as those say; for {@code postgresql}, {@link PgHistoryStore#create} (on a worker thread),
   * its migrations under way: PostgreSQL down at start fails its first operations, not the start
   */
  public static Future<HistoryStore> open(Vertx vertx, HistoryStoreOptions options) {
    return switch (options.getType()) {
      case MEMORY -> Future.succeededFuture(HistoryStore.memory());
      case SQLITE -> SqliteHistoryStore.open(vertx, options).map(store -> store);
      case POSTGRESQL -> postgresql(vertx, options);
    };
  }

  /** On a worker: the first store of a process loads the PostgreSQL client's classes (0.4 s here), no event loop's work. */
  private static Future<HistoryStore> postgresql(Vertx vertx, HistoryStoreOptions options) {
    return vertx.executeBlocking(() -> PgHistoryStore.create(vertx, options), false);
  }
}
