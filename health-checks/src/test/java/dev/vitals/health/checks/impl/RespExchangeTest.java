package dev.vitals.health.checks.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.vitals.health.test.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/** RESP2 framing that a hostile or broken server may get wrong, against a fake server answering fixed bytes. */
@ExtendWith(VertxExtension.class)
class RespExchangeTest {

  /** @return how the exchange of one {@code PING} ended against a server answering {@code answer} */
  private static String exchange(Vertx vertx, String answer) {
    NetServer server = result(vertx.createNetServer()
      .connectHandler(socket -> socket.handler(bytes -> socket.write(answer))).listen(0, "127.0.0.1"));
    NetClient client = vertx.createNetClient();
    try {
      Future<List<RespExchange.Reply>> replies = RespExchange.run(vertx, client, "127.0.0.1", server.actualPort(),
        List.of(List.of("PING")), 2_000, 64 * 1024);
      return result(replies.map(List::toString).otherwise(failure -> "failed: " + failure.getMessage()));
    } finally {
      result(client.close());
      result(server.close());
    }
  }

  @Test
  void aBulkStringIsReadToItsLengthAndANullOneIsNull(Vertx vertx) {
    assertThat(exchange(vertx, "$4\r\nPONG\r\n")).isEqualTo("[Reply[error=false, text=PONG]]");
    assertThat(exchange(vertx, "$-1\r\n")).isEqualTo("[Reply[error=false, text=null]]");
  }

  @Test
  void aBulkStringWithoutItsCrlfOrANegativeLengthOtherThanMinusOneIsMalformed(Vertx vertx) {
    assertThat(exchange(vertx, "$4\r\nPONGxx")).isEqualTo("failed: malformed reply: no CRLF after a bulk string of 4 bytes");
    assertThat(exchange(vertx, "$-5\r\n")).isEqualTo("failed: malformed reply: bulk length -5");
  }
}
