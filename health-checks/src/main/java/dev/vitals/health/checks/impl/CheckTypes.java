package dev.vitals.health.checks.impl;

import dev.vitals.health.checks.CheckType;

import java.util.Collections;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/** The check types {@link ServiceLoader} finds, looked up once: the class path does not change while the JVM runs. */
public final class CheckTypes {

  private CheckTypes() {
  }

  /** Loaded on first use, so that a type's failing constructor surfaces where the types are asked for. */
  private static final class Holder {
    static final SortedMap<String, CheckType> TYPES = load();
  }

  /**
   * @return the types by name
   * @throws IllegalStateException when two types share a name, or one has none
   */
  public static SortedMap<String, CheckType> available() {
    return Holder.TYPES;
  }

  private static SortedMap<String, CheckType> load() {
    SortedMap<String, CheckType> types = new TreeMap<>();
    for (CheckType type : ServiceLoader.load(CheckType.class, CheckType.class.getClassLoader())) {
      String name = type.name();
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("check type " + type.getClass().getName() + " has no name");
      }
      CheckType other = types.putIfAbsent(name, type);
      if (other != null) {
        throw new IllegalStateException("check type '" + name + "' is provided twice: by "
          + other.getClass().getName() + " and " + type.getClass().getName());
      }
    }
    return Collections.unmodifiableSortedMap(types);
  }
}
