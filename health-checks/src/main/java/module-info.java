/**
 * Checks of the dependencies a service relies on, for embedders and the standalone verticle alike: HTTP, TCP, TLS,
 * DNS, disk space, heap, event loop, event bus, PostgreSQL, MySQL/MariaDB, Redis and JDBC. Each factory returns a
 * health-core {@code Check} (or {@code BlockingCheck}) to register in a {@code CheckRegistry}; the database and
 * Redis checks take the application's own pool or client, or create one small client of their own. Each is also a
 * {@code CheckType} of the standalone config, found with {@code ServiceLoader} beside the types other modules provide.
 */
module dev.vitals.health.checks {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires transitive io.vertx.sql.client;
  requires transitive io.vertx.sql.client.pg;
  requires transitive io.vertx.sql.client.mysql;
  requires transitive io.vertx.redis.client;
  requires java.management;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  requires transitive java.sql;

  exports dev.vitals.health.checks;

  // The config types: the built-in ones here, more from any module or jar that provides one.
  uses dev.vitals.health.checks.CheckType;
  provides dev.vitals.health.checks.CheckType with
    dev.vitals.health.checks.impl.types.HttpType,
    dev.vitals.health.checks.impl.types.TcpType,
    dev.vitals.health.checks.impl.types.DiskSpaceType,
    dev.vitals.health.checks.impl.types.HeapType,
    dev.vitals.health.checks.impl.types.EventLoopType,
    dev.vitals.health.checks.impl.types.PostgresType,
    dev.vitals.health.checks.impl.types.MySQLType,
    dev.vitals.health.checks.impl.types.RedisType,
    dev.vitals.health.checks.impl.types.EventBusType,
    dev.vitals.health.checks.impl.types.TlsType,
    dev.vitals.health.checks.impl.types.DnsType,
    dev.vitals.health.checks.impl.types.JdbcType;
}
