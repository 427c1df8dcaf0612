package dev.vitals.health.alerts.channels;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.vitals.health.test.Await.until;

/** Real servers the tests start on loopback: Alertmanager, aiosmtpd. */
final class Processes {

  private Processes() {
  }

  /** @return a port free on 127.0.0.1 a moment ago */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * @param binary  the program, which must exist (the message names the Debian package)
   * @param pkg     the Debian package that brings it
   * @param log     where its output goes
   * @param command its command line
   * @return the process, started
   */
  static Process start(String binary, String pkg, Path log, List<String> command) throws IOException {
    if (!Files.isExecutable(Path.of(binary))) {
      throw new AssertionError(binary + " is missing: install the Debian package " + pkg);
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until the port accepts connections, failing with the process's output when it dies or never does. */
  static void awaitPort(Process process, int port, Path log) {
    until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("exited with " + process.exitValue() + ": " + read(log));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return socket.isConnected();
      } catch (IOException e) {
        return false;
      }
    }, () -> "port " + port + " never accepted: " + read(log));
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }

  static void stop(Process process) throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
