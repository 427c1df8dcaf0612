package dev.vitals.health.test;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Raw client sockets as tests of hostile clients use them. */
public final class RawSockets {

  private RawSockets() {
  }

  /**
   * @param socket a connected socket with a read timeout set
   * @return whether the server closed (or reset) it without sending a byte within the socket's timeout
   * @throws IOException when reading fails otherwise
   */
  public static boolean closedAtOnce(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }
}
