package dev.vitals.health.alerts;

import dev.vitals.health.HealthStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An active alert: a check that a rule judged worth telling someone about, from when it fired until it resolved.
 * Immutable. JSON form ({@code GET /alerts}, and the context of a webhook channel's template):
 * <pre>{@code
 * {"check": "db",                          // the check that fails: the root cause
 *  "status": "fail",                       // fail, or warn when a rule alerts on warn
 *  "output": "Connection refused",         // the check's output at its last run (at most 1024 characters)
 *  "critical": true,
 *  "since": "2026-12-06T12:00:00Z",        // when the check's first failing run counted by the rule ended
 *  "blocks": ["invoices", "orders"],       // checks blocked by it through dependsOn, sorted: they do not alert
 *  "instances": ["web-1"],                 // the instances where it fails (this one only without a fleet)
 *  "ofInstances": 1,                       // the instances known
 *  "rule": "default",                      // the rule that fired it
 *  "labels": {"alertname": "VitalsCheckFailing", "check": "db", "instance": "web-1", "application": "orders",
 *             "severity": "critical"},     // sorted by name; Alertmanager's labels, PagerDuty's custom details
 *  "fingerprint": "db"}                    // stable while the alert lives: the check's name
 * }</pre>
 *
 * @param check       the check's name
 * @param status      {@link HealthStatus#FAIL}, or {@link HealthStatus#WARN}
 * @param output      the check's last output, or {@code null}
 * @param critical    whether the check is critical
 * @param since       when the alert's condition began
 * @param blocks      the checks it blocks, sorted
 * @param instances   the instances where the check fails
 * @param ofInstances the instances known, at least {@code instances.size()}
 * @param rule        the name of the rule that fired it
 * @param labels      the labels channels send, sorted by name
 */
public record Alert(String check, HealthStatus status, String output, boolean critical, Instant since,
                    List<String> blocks, List<String> instances, int ofInstances, String rule,
                    Map<String, String> labels) {

  /**
   * Checks the fields and copies the collections.
   *
   * @param check the check's name
   * @param status {@link HealthStatus#FAIL}, or {@link HealthStatus#WARN}
   * @param output the check's last output, or {@code null}
   * @param critical whether the check is critical
   * @param since when the alert's condition began
   * @param blocks the checks it blocks, sorted
   * @param instances the instances where the check fails
   * @param ofInstances the instances known, at least {@code instances.size()}
   * @param rule the name of the rule that fired it
   * @param labels the labels channels send, sorted by name
   * @throws NullPointerException when a field but {@code output} is null
   */
  public Alert {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    blocks = List.copyOf(blocks);
    instances = List.copyOf(instances);
    Objects.requireNonNull(rule, "rule");
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** @return what identifies the alert while it lives, for deduplication by receivers: the check's name */
  public String fingerprint() {
    return check;
  }

  /**
   * @return one line for humans: {@code "db fails: Connection refused; blocks: invoices, orders"}, with
   * {@code " (on 3 of 5 instances)"} after the check's name when more than one instance is known
   */
  public String summary() {
    StringBuilder line = new StringBuilder(check).append(status == HealthStatus.WARN ? " warns" : " fails");
    if (ofInstances > 1) {
      line.append(" (on ").append(instances.size()).append(" of ").append(ofInstances).append(" instances)");
    }
    if (output != null && !output.isEmpty()) {
      line.append(": ").append(output);
    }
    if (!blocks.isEmpty()) {
      line.append("; blocks: ").append(String.join(", ", blocks));
    }
    return line.toString();
  }

  /** @return the JSON form described on this class */
  public JsonObject toJson() {
    return new JsonObject().put("check", check).put("status", status.name().toLowerCase(java.util.Locale.ROOT))
      .put("output", output).put("critical", critical).put("since", since.toString())
      .put("blocks", new JsonArray(List.copyOf(blocks))).put("instances", new JsonArray(List.copyOf(instances)))
      .put("ofInstances", ofInstances).put("rule", rule).put("labels", new JsonObject(new java.util.LinkedHashMap<>(labels)))
      .put("fingerprint", fingerprint());
  }
}
