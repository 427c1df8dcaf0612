package dev.vitals.health.impl;

import dev.vitals.health.CheckReport;
import io.vertx.ext.healthchecks.CheckResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds vertx-health-check's nested {@code CheckResult} view of flat, {@code /}-named check reports, the way
 * its composite procedures do: a group is a result with {@code checks} and no status of its own, a leaf gets
 * the last segment of its name as id.
 */
public final class CheckResultTree {

  private CheckResultTree() {
  }

  /**
   * @param checks reports in registration order
   * @param prefix the group asked for, or {@code ""}; a report named exactly {@code prefix} is returned as a
   *               leaf with its own status, as vertx-health-check does for {@code checkStatus("<check>")}
   * @return the root result
   */
  public static CheckResult build(List<CheckReport> checks, String prefix) {
    if (!prefix.isEmpty() && checks.size() == 1 && checks.get(0).name().equals(prefix)) {
      String name = checks.get(0).name();
      return checks.get(0).toCheckResult(name.substring(name.lastIndexOf('/') + 1));
    }
    Group root = new Group();
    int skip = prefix.isEmpty() ? 0 : prefix.length() + 1;
    for (CheckReport report : checks) {
      String[] segments = report.name().substring(skip).split("/");
      Group group = root;
      for (int i = 0; i < segments.length - 1; i++) {
        group = (Group) group.children.computeIfAbsent(segments[i], k -> new Group());
      }
      String leaf = segments[segments.length - 1];
      group.children.put(leaf, report.toCheckResult(leaf));
    }
    return root.toCheckResult(null);
  }

  private static final class Group {
    // A HashMap filled in registration order, like vertx-health-check's DefaultCompositeProcedure, so that the
    // vertx view lists checks in the very order vertx-health-check would.
    final Map<String, Object> children = new HashMap<>();

    CheckResult toCheckResult(String id) {
      List<CheckResult> results = new ArrayList<>(children.size());
      children.forEach((name, child) ->
        results.add(child instanceof Group ? ((Group) child).toCheckResult(name) : (CheckResult) child));
      return CriticalityResult.group(id, results);
    }
  }
}
