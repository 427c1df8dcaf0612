package dev.vitals.samples.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The config's checks ordered by their {@code dependsOn}, so that each is registered after those it needs. */
final class CheckOrder {

  private CheckOrder() {
  }

  /**
   * @param checks the config's checks, in config order
   * @return the same checks, each after those its {@code dependsOn} names (else in config order), so that they can be
   * registered one by one
   * @throws IllegalArgumentException {@code checks[<i>].dependsOn: ...} naming an unknown check or the cycle
   */
  static List<CheckDefinition> inDependencyOrder(List<CheckDefinition> checks) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < checks.size(); i++) {
      index.put(checks.get(i).options().getName(), i);
    }
    for (int i = 0; i < checks.size(); i++) {
      for (String dependency : checks.get(i).options().getDependsOn()) {
        if (!index.containsKey(dependency)) {
          throw new IllegalArgumentException("checks[" + i + "].dependsOn: unknown check '" + dependency + "'");
        }
      }
    }
    List<CheckDefinition> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (CheckDefinition check : checks) {
      visit(check, checks, index, done, new ArrayList<>(), ordered);
    }
    return List.copyOf(ordered);
  }

  private static void visit(CheckDefinition check, List<CheckDefinition> checks, Map<String, Integer> index,
                            Set<String> done, List<String> path, List<CheckDefinition> ordered) {
    String name = check.options().getName();
    if (done.contains(name)) {
      return;
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw new IllegalArgumentException("checks[" + index.get(name) + "].dependsOn: cycle '"
        + String.join("' -> '", cycle) + "'");
    }
    path.add(name);
    for (String dependency : check.options().getDependsOn()) {
      visit(checks.get(index.get(dependency)), checks, index, done, path, ordered);
    }
    path.remove(path.size() - 1);
    done.add(name);
    ordered.add(check);
  }
}
