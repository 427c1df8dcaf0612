package dev.vitals.health.history;

import dev.vitals.health.HistoryStore;
import dev.vitals.health.test.HistoryStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vitals.health.test.Await.result;

/** The SQLite file store keeps the SPI's contract. */
class SqliteHistoryStoreContractTest extends HistoryStoreContract {

  @TempDir
  Path dir;
  private int files;

  @Override
  protected HistoryStore open(Vertx vertx) {
    return result(SqliteHistoryStore.open(vertx, new HistoryStoreOptions()
      .setPath(dir.resolve("contract-" + files++ + ".db").toString())));
  }
}
