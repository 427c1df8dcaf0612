package dev.vitals.health;

import dev.vitals.health.test.HistoryStoreContract;
import io.vertx.core.Vertx;

/** {@link HistoryStore#memory()} keeps the SPI's contract. */
class MemoryHistoryStoreContractTest extends HistoryStoreContract {

  @Override
  protected HistoryStore open(Vertx vertx) {
    return HistoryStore.memory();
  }
}
