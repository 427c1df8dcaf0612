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
   * {@code sqlite}; failed as those say; for {@code postgresql}, {@link PgHistoryStore#create} at once, its
   * migrations under way (PostgreSQL down at start fails its first operations, not the start)
   */
  public static Future<HistoryStore> open(Vertx vertx, HistoryStoreOptions options) {
    return switch (options.getType()) {
      case MEMORY -> Future.succeededFuture(HistoryStore.memory());
      case SQLITE -> SqliteHistoryStore.open(vertx, options).map(store -> store);
      case POSTGRESQL -> postgresql(vertx, options);
    };
  }

  private static Future<HistoryStore> postgresql(Vertx vertx, HistoryStoreOptions options) {
    try {
      return Future.succeededFuture(PgHistoryStore.create(vertx, options));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
