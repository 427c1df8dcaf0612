/**
 * A registry of named environment sections, dumped as one JSON object with secrets scrubbed. Its options expose
 * health-core's {@code ApplicationOptions}.
 */
module dev.vitals.environment {
  requires static io.vertx.codegen.api;
  requires static io.vertx.codegen.json;
  requires transitive dev.vitals.health;
  requires java.management;

  exports dev.vitals.environment;
}
