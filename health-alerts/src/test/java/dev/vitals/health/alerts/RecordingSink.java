package dev.vitals.health.alerts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it is offered, for tests: the channels' delivery is the other half's. */
final class RecordingSink implements NotificationSink {

  private final String name;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  RecordingSink(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean offer(Notification notification) {
    received.add(notification);
    return true;
  }

  @Override
  public JsonObject status() {
    return new JsonObject().put("name", name).put("type", "recording").put("sent", received.size());
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  List<Notification> received() {
    return List.copyOf(received);
  }

  /** @return "firing db", "resolved db", ... in order */
  List<String> lines() {
    return received.stream().map(n -> n.kind().wireName() + " " + n.alert().check()).toList();
  }
}
