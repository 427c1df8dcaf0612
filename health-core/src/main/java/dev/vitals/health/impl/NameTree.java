package dev.vitals.health.impl;

import dev.vitals.health.CheckReport;
import io.vertx.ext.healthchecks.CheckResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the registered names as vertx-health-check keeps it: nested groups, each a {@link HashMap} changed
 * by registering and unregistering exactly as its {@code DefaultCompositeProcedure} is. Kept so that the
 * vertx-health-check view lists checks in the very order vertx-health-check would, also after unregistering,
 * and keeps a group whose checks were all unregistered ({@code {"id": "sub2", "status": "UP", "checks": []}}).
 * Thread-safe; bounded by what is registered.
 */
final class NameTree {

  /** What a name is in the tree. */
  enum Kind { GROUP, LEAF, NONE, BELOW_LEAF }

  private static final Object LEAF = new Object();

  private final Map<String, Object> root = new HashMap<>();

  /** Adds a check's name, creating the groups above it. */
  synchronized void add(String name) {
    String[] segments = name.split("/");
    Map<String, Object> group = root;
    for (int i = 0; i < segments.length - 1; i++) {
      group = asGroup(group.computeIfAbsent(segments[i], k -> new HashMap<String, Object>()));
    }
    group.put(segments[segments.length - 1], LEAF);
  }

  /** Removes a check or a group; the groups above it stay, even when left empty, as in vertx-health-check. */
  synchronized void remove(String name) {
    String[] segments = name.split("/");
    Map<String, Object> group = root;
    for (int i = 0; i < segments.length - 1 && group != null; i++) {
      Object child = group.get(segments[i]);
      group = child == LEAF ? null : asGroup(child);
    }
    if (group != null) {
      group.remove(segments[segments.length - 1]);
    }
  }

  /**
   * @param name a normalised, non-empty name
   * @return what it names; for {@link Kind#BELOW_LEAF} see {@link #segmentBelowLeaf(String)}
   */
  synchronized Kind kind(String name) {
    Object node = root;
    for (String segment : name.split("/")) {
      if (node == LEAF) {
        return Kind.BELOW_LEAF;
      }
      node = asGroup(node).get(segment);
      if (node == null) {
        return Kind.NONE;
      }
    }
    return node == LEAF ? Kind.LEAF : Kind.GROUP;
  }

  /** @return the first segment of the name below a registered check, as vertx-health-check names it */
  synchronized String segmentBelowLeaf(String name) {
    Object node = root;
    for (String segment : name.split("/")) {
      if (node == LEAF) {
        return segment;
      }
      node = node == null ? null : asGroup(node).get(segment);
    }
    return name;
  }

  /**
   * @param reports the results of the checks at or below {@code prefix}
   * @param prefix  the normalised name asked for, or {@code ""} for all
   * @return vertx-health-check's result tree for it: a leaf when {@code prefix} names a check
   */
  synchronized CheckResult toCheckResult(List<CheckReport> reports, String prefix) {
    Map<String, CheckReport> byName = new HashMap<>();
    for (CheckReport report : reports) {
      byName.put(report.name(), report);
    }
    Object node = root;
    String id = null;
    if (!prefix.isEmpty()) {
      for (String segment : prefix.split("/")) {
        node = node == LEAF || node == null ? null : asGroup(node).get(segment);
        id = segment;
      }
    }
    if (node == LEAF) {
      return byName.get(prefix).toCheckResult(id); // its own status: criticality weighs only in groups
    }
    if (node == null) {
      return CheckResultTree.build(reports, prefix);
    }
    return group(asGroup(node), prefix.isEmpty() ? "" : prefix + "/", null, byName);
  }

  private static CheckResult group(Map<String, Object> children, String path, String id,
                                   Map<String, CheckReport> byName) {
    List<CheckResult> results = new ArrayList<>(children.size());
    children.forEach((name, child) -> {
      if (child == LEAF) {
        CheckReport report = byName.get(path + name);
        if (report != null) { // registered after the report was taken
          results.add(report.toCheckResult(name));
        }
      } else {
        results.add(group(asGroup(child), path + name + "/", name, byName));
      }
    });
    return CriticalityResult.group(id, results);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asGroup(Object node) {
    return (Map<String, Object>) node;
  }
}
