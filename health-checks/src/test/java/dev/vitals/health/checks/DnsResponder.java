package dev.vitals.health.checks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * A tiny authoritative DNS server on a Vert.x datagram socket on 127.0.0.1 (RFC 1035 wire format, one question per
 * query): A and AAAA answers from a fixed table, NXDOMAIN for other names, and no answer at all for the name
 * {@code silent.test}.
 */
final class DnsResponder {

  static final String SILENT = "silent.test";

  private final DatagramSocket socket;

  private DnsResponder(DatagramSocket socket) {
    this.socket = socket;
  }

  /**
   * @param vertx   the Vert.x instance
   * @param records the addresses of each name
   * @return the responder, listening on a random port
   */
  static Future<DnsResponder> start(Vertx vertx, Map<String, List<String>> records) {
    DatagramSocket socket = vertx.createDatagramSocket();
    socket.handler(packet -> {
      Buffer answer = answer(packet.data(), records);
      if (answer != null) {
        socket.send(answer, packet.sender().port(), packet.sender().host());
      }
    });
    return socket.listen(0, "127.0.0.1").map(DnsResponder::new);
  }

  int port() {
    return socket.localAddress().port();
  }

  private static Buffer answer(Buffer query, Map<String, List<String>> records) {
    StringBuilder name = new StringBuilder();
    int at = 12;
    for (int length = query.getUnsignedByte(at); length > 0; length = query.getUnsignedByte(at)) {
      name.append(name.length() == 0 ? "" : ".").append(query.getString(at + 1, at + 1 + length));
      at += 1 + length;
    }
    int questionEnd = at + 5;
    int type = query.getUnsignedShort(at + 1);
    if (name.toString().equals(SILENT)) {
      return null;
    }
    List<byte[]> addresses = records.getOrDefault(name.toString(), List.of()).stream().map(DnsResponder::bytes)
      .filter(bytes -> bytes.length == (type == 28 ? 16 : 4)).toList();
    boolean known = records.containsKey(name.toString());
    Buffer answer = Buffer.buffer()
      .appendShort(query.getShort(0))
      .appendUnsignedShort(known ? 0x8580 : 0x8583) // response, authoritative, recursion desired; NOERROR/NXDOMAIN
      .appendUnsignedShort(1).appendUnsignedShort(addresses.size()).appendUnsignedShort(0).appendUnsignedShort(0)
      .appendBuffer(query.slice(12, questionEnd));
    for (byte[] address : addresses) {
      answer.appendUnsignedShort(0xC00C).appendUnsignedShort(type).appendUnsignedShort(1).appendInt(60)
        .appendUnsignedShort(address.length).appendBytes(address);
    }
    return answer;
  }

  private static byte[] bytes(String address) {
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (Exception e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  Future<Void> close() {
    return socket.close();
  }
}
