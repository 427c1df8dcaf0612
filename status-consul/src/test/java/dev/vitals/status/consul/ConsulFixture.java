package dev.vitals.status.consul;

import dev.vitals.status.consul.test.ConsulDouble;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.vitals.health.test.Await.result;

/**
 * What the watch, write and fault tests share: a Consul double per test, an operator talking to it directly,
 * and the source under test (set by the test), all closed after it.
 */
@ExtendWith(VertxExtension.class)
abstract class ConsulFixture {

  ConsulDouble consul;
  Operator operator;
  ConsulMaintenance source;

  @BeforeEach
  void startConsul(Vertx vertx) {
    consul = result(ConsulDouble.start(vertx));
    operator = new Operator(vertx, consul);
  }

  @AfterEach
  void stopConsul() {
    if (source != null) {
      result(source.close());
    }
    operator.close();
    result(consul.close());
  }
}
