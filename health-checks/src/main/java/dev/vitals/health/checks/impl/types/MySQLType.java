package dev.vitals.health.checks.impl.types;

import dev.vitals.health.checks.MySQLCheck;

/** {@code "type": "mysql"}: {@link MySQLCheck}, MySQL or MariaDB with a connection of its own, on the dependency loop. */
public final class MySQLType extends SqlType {

  /** The type, for {@link java.util.ServiceLoader}. */
  public MySQLType() {
    super("mysql", "the query answers (MySQL or MariaDB); slower than maxLatency is warn; one connection of its own",
      "^(mysql|mariadb)://", "mysql://user:password@host:port/database", MySQLCheck::create);
  }
}
