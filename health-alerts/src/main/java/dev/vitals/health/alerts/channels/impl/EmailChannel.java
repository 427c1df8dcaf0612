package dev.vitals.health.alerts.channels.impl;

import dev.vitals.health.alerts.Alert;
import dev.vitals.health.alerts.Notification;
import dev.vitals.health.alerts.channels.EmailOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.ArrayList;
import java.util.Map;

/**
 * E-mail over SMTP with vertx-mail-client: one message per notification, subject {@code [FIRING] db fails},
 * {@code [REMINDER] db fails} or {@code [RESOLVED] db recovered}, a plain-text body: the summary, then one line per
 * field of the alert.
 */
final class EmailChannel implements AlertChannel {

  private final String name;
  private final EmailOptions options;
  private final MailClient client;
  private final Secrets secrets;

  EmailChannel(Vertx vertx, String name, long timeout, EmailOptions options) {
    this.name = name;
    this.options = options;
    this.secrets = new Secrets(options.getPassword());
    MailConfig config = new MailConfig().setHostname(options.getHost()).setPort(options.getPort())
      .setStarttls(StartTLSOptions.valueOf(options.getStarttls().name()))
      .setLogin(options.getUsername() == null ? LoginOption.DISABLED : LoginOption.REQUIRED)
      .setKeepAlive(false)
      .setMaxPoolSize(1)
      .setUserAgent("vitals-alerts");
    config.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
    // A server that goes quiet (a tarpit that never greets) would hold the one connection for ever: every later
    // message would wait for it, and closing the channel too.
    config.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
    config.setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
    if (options.getUsername() != null) {
      config.setUsername(options.getUsername()).setPassword(options.getPassword());
    }
    this.client = MailClient.create(vertx, config);
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<Void> send(Notification notification) {
    MailMessage message = new MailMessage().setFrom(options.getFrom()).setTo(new ArrayList<>(options.getTo()))
      .setSubject(subject(notification)).setText(body(notification));
    return client.sendMail(message).transform(sent -> sent.succeeded() ? Future.succeededFuture()
      : Future.failedFuture(new ChannelException("email channel '" + name + "': "
      + secrets.mask(String.valueOf(sent.cause().getMessage())))));
  }

  static String subject(Notification notification) {
    return (Texts.tag(notification) + " " + Texts.headline(notification)).replaceAll("[\\r\\n]+", " ");
  }

  static String body(Notification notification) {
    Alert alert = notification.alert();
    StringBuilder body = new StringBuilder(notification.summary()).append("\n\n");
    line(body, "Check", alert.check());
    line(body, "Status", notification.kind() == Notification.Kind.RESOLVED ? "recovered" : Texts.status(alert));
    line(body, "Output", alert.output() == null ? "" : alert.output());
    line(body, "Critical", String.valueOf(alert.critical()));
    line(body, "Since", alert.since().toString());
    if (notification.kind() == Notification.Kind.RESOLVED) {
      line(body, "Resolved", notification.timestamp().toString());
    }
    line(body, "Blocks", alert.blocks().isEmpty() ? "none" : String.join(", ", alert.blocks()));
    line(body, "Instances", String.join(", ", alert.instances()) + " (" + alert.instances().size() + " of "
      + alert.ofInstances() + ")");
    line(body, "Rule", alert.rule());
    StringBuilder labels = new StringBuilder();
    for (Map.Entry<String, String> label : alert.labels().entrySet()) {
      labels.append(labels.length() == 0 ? "" : ", ").append(label.getKey()).append('=').append(label.getValue());
    }
    line(body, "Labels", labels.toString());
    line(body, "Notified", notification.timestamp().toString());
    return body.toString();
  }

  private static void line(StringBuilder body, String field, String value) {
    body.append(String.format("%-10s %s", field + ":", value)).append('\n');
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
