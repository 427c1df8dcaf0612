package dev.vitals.health.alerts.channels;

/** Whether an e-mail channel upgrades its SMTP connection with STARTTLS ({@code starttls}). */
public enum StartTls {
  /** Never: the connection stays in plain text. */
  DISABLED,
  /** When the server offers it. */
  OPTIONAL,
  /** Always: a server that does not offer it fails the delivery. */
  REQUIRED
}
