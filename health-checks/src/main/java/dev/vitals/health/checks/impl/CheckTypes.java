package dev.vitals.health.checks.impl;

import dev.vitals.health.checks.CheckType;

import java.util.Collections;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/** The check types {@link ServiceLoader} finds, looked up once: the class path does not change while the JVM runs. */
public final class CheckTypes {

  private CheckTypes() {
  }

  /** Loaded on first use, so that a type that cannot be loaded surfaces where the types are asked for. */
  private static SortedMap<String, CheckType> types;

  /**
   * @return the types by name
   * @throws IllegalStateException when two types share a name, one has none, or one cannot be created (each call
   *                               then tries again, and fails the same way)
   */
  public static synchronized SortedMap<String, CheckType> available() {
    if (types == null) {
      try {
        types = load();
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return types;
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
