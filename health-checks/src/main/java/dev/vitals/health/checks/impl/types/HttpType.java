package dev.vitals.health.checks.impl.types;

import dev.vitals.health.CheckOptions;
import dev.vitals.health.CheckRegistry;
import dev.vitals.health.checks.HttpCheck;
import dev.vitals.health.checks.HttpCheckOptions;
import io.vertx.core.Vertx;

/** {@code "type": "http"}: {@link HttpCheck} on the dependency loop. */
public final class HttpType extends BuiltInType<HttpCheckOptions> {

  /** The type, for {@link java.util.ServiceLoader}. */
  public HttpType() {
    super("http", HttpCheckOptions::new, """
      {"required": ["url"], "properties": {
        "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "description": "an absolute http:// or https:// URL"},
        "expectedStatus": {"type": "integer", "minimum": 100, "maximum": 599},
        "acceptedStatus": {"type": "array", "items": {"type": "integer", "minimum": 100, "maximum": 599}},
        "bodyContains": {"type": "string"},
        "jsonPointer": {"type": "string", "pattern": "^(/.*)?$", "description": "a JSON Pointer such as /status"},
        "jsonValue": {"type": "string"},
        "maxLatency": {"$ref": "#/$defs/duration", "default": 0},
        "followRedirects": {"type": "boolean", "default": false},
        "trustAll": {"type": "boolean", "default": false},
        "caPath": {"$ref": "#/$defs/text"},
        "maxBodySize": {"$ref": "#/$defs/size", "default": "1MB", "description": "the most of a body bodyContains or jsonPointer reads; a longer body fails the run"}
      }}
      """);
  }

  @Override
  Registration register(Vertx vertx, Vertx dependencies, CheckRegistry registry, CheckOptions check,
                        HttpCheckOptions options) {
    return Registration.of(registry, check, HttpCheck.create(dependencies, check, options));
  }
}
