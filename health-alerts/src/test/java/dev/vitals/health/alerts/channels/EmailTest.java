package dev.vitals.health.alerts.channels;

import dev.vitals.health.alerts.NotificationSink;
import dev.vitals.health.test.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.vitals.health.alerts.channels.Fixtures.channel;
import static dev.vitals.health.alerts.channels.Fixtures.firing;
import static dev.vitals.health.alerts.channels.Fixtures.resolved;
import static dev.vitals.health.test.Await.poll;
import static dev.vitals.health.test.Await.result;
import static dev.vitals.health.test.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** A real SMTP server (Debian's python3-aiosmtpd, its Mailbox handler writing a Maildir) on loopback. */
@ExtendWith(VertxExtension.class)
class EmailTest {

  private static final String BINARY = "/usr/bin/aiosmtpd";

  @TempDir
  static Path dir;
  private static Process smtp;
  private static int port;

  @BeforeAll
  static void startSmtp() throws Exception {
    port = Processes.freePort();
    Path log = dir.resolve("aiosmtpd.log");
    smtp = Processes.start(BINARY, "python3-aiosmtpd", log, List.of(BINARY, "-n", "-l", "127.0.0.1:" + port,
      "-c", "aiosmtpd.handlers.Mailbox", dir.resolve("maildir").toString()));
    Processes.awaitPort(smtp, port, log);
  }

  @AfterAll
  static void stopSmtp() throws Exception {
    Processes.stop(smtp);
  }

  private static List<String> messages() {
    Path delivered = dir.resolve("maildir").resolve("new");
    if (!Files.isDirectory(delivered)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(delivered)) {
      return files.sorted().map(file -> {
        try {
          return Files.readString(file);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(String message, String name) {
    return message.lines().filter(line -> line.startsWith(name + ": ")).findFirst()
      .map(line -> line.substring(name.length() + 2)).orElse(null);
  }

  @Test
  void theServerReceivesTheFiringAndResolvedMessages(Vertx vertx) {
    NotificationSink sink = AlertChannels.create(vertx, List.of(channel("email", "mail", new JsonObject()
      .put("host", "127.0.0.1").put("port", port).put("from", "vitals@example.com")
      .put("to", new JsonArray().add("ops@example.com").add("oncall@example.com"))
      .put("starttls", "optional")))).get("mail");
    try {
      sink.offer(firing("db"));
      sink.offer(resolved("db"));
      List<String> messages = poll(EmailTest::messages, m -> m.size() >= 2, m -> "messages " + m);
      List<String> subjects = messages.stream().map(m -> header(m, "Subject")).sorted().toList();
      assertThat(subjects).containsExactly("[FIRING] db fails", "[RESOLVED] db recovered");
      String fired = messages.stream().filter(m -> "[FIRING] db fails".equals(header(m, "Subject"))).findFirst()
        .orElseThrow();
      assertThat(header(fired, "From")).isEqualTo("vitals@example.com");
      assertThat(header(fired, "To").split(",\\s*")).containsExactly("ops@example.com", "oncall@example.com");
      assertThat(header(fired, "X-RcptTo").split(",\\s*")) // the envelope
        .containsExactly("ops@example.com", "oncall@example.com");
      assertThat(fired).contains("db fails: Connection refused; blocks: invoices, orders")
        .contains("Check:     db").contains("Blocks:    invoices, orders").contains("Instances: web-1 (1 of 1)");
      until(() -> sink.status().getLong("sent") == 2, () -> "status " + sink.status());
    } finally {
      result(sink.close());
    }
  }

  @Test
  void requiredStartTlsFailsAgainstAServerWithoutIt(Vertx vertx) {
    NotificationSink sink = AlertChannels.create(vertx, List.of(channel("email", "tls", new JsonObject()
      .put("host", "127.0.0.1").put("port", port).put("from", "vitals@example.com")
      .put("to", new JsonArray().add("ops@example.com")).put("username", "vitals").put("password", "pa55word")
      .put("starttls", "required").put("retries", 0)))).get("tls");
    try (LogCapture log = LogCapture.of("dev.vitals.health.alerts.channels.impl.DeliverySink");
         LogCapture mail = LogCapture.of("io.vertx.ext.mail.impl.SMTPInitialDialogue")) {
      sink.offer(firing("db"));
      until(() -> sink.status().getLong("failed") == 1, () -> "status " + sink.status());
      String error = sink.status().getJsonArray("last").getJsonObject(0).getString("error");
      assertThat(error).startsWith("email channel 'tls': ").contains("STARTTLS").doesNotContain("pa55word");
      until(() -> log.messages().size() == 1, () -> "log " + log.messages());
      assertThat(log.messages().get(0)).contains(error);
      assertThat(mail.messages()).containsExactly("WARNING: STARTTLS required but not supported by server");
    } finally {
      result(sink.close());
    }
  }
  /**
   * A tarpit SMTP server that accepts and never greets: each try ends at the channel's timeout and gives its
   * connection up, so the next notification gets a connection of its own (the one connection used to be held for
   * ever: 1 connection accepted for 3 tries, still open 20 s on, and closing the channel did not complete).
   */
  @Test
  void aServerThatNeverGreetsHoldsNoConnectionBeyondTheTimeout(Vertx vertx) {
    java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    io.vertx.core.net.NetServer tarpit = result(vertx.createNetServer().connectHandler(socket -> {
      accepted.incrementAndGet();
      open.incrementAndGet();
      socket.closeHandler(v -> open.decrementAndGet());
    }).listen(0, "127.0.0.1"));
    NotificationSink sink = AlertChannels.create(vertx, List.of(channel("email", "mail", new JsonObject()
      .put("host", "127.0.0.1").put("port", tarpit.actualPort()).put("from", "vitals@example.com")
      .put("to", new JsonArray().add("ops@example.com")).put("timeout", "200ms").put("retries", 0)
      .put("failuresToOpen", 100)))).get("mail");
    try {
      for (int i = 0; i < 3; i++) {
        sink.offer(firing("db" + i));
      }
      until(() -> sink.status().getLong("failed") == 3, () -> "status " + sink.status());
      until(() -> accepted.get() == 3 && open.get() <= 1, () -> accepted.get() + " connections accepted, "
        + open.get() + " open; status " + sink.status());
    } finally {
      result(sink.close());
      result(tarpit.close());
    }
  }
}
