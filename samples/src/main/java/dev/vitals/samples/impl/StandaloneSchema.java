package dev.vitals.samples.impl;

import dev.vitals.environment.EnvironmentOptions;
import dev.vitals.health.ApplicationOptions;
import dev.vitals.health.CheckOptions;
import dev.vitals.health.JsonForm;
import dev.vitals.health.PassiveOptions;
import dev.vitals.health.alerts.AlertsOptions;
import dev.vitals.health.checks.CheckType;
import dev.vitals.health.grpc.GrpcHealthOptions;
import dev.vitals.health.metrics.VitalsMetricsOptions;
import dev.vitals.health.web.probes.HealthHandlerOptions;
import dev.vitals.health.web.webhook.WebhookOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;

/**
 * The JSON Schema (draft 2020-12) of the standalone config, assembled from the forms that read it: each library
 * options class's {@code schema()}, the standalone's own sections ({@link StandaloneSection}), and the fragment of
 * each check type. Nothing of it is written by hand: a key added to a form is in the schema, and so in the config
 * reference (docs/configuration.md) and {@value ConfigSchema#RESOURCE}, which {@code ConfigReferenceTest} generates
 * from it and keeps current.
 */
public final class StandaloneSchema {

  private StandaloneSchema() {
  }

  /**
   * @param types the check types the config may use beside {@code passive}
   * @return the schema: the sections in the order the reference lists them, the shared definitions of
   * {@link JsonForm#definitions()} and the check entry under {@code $defs/check}, with a branch per type (see
   * {@link #withTypes})
   * @throws IllegalStateException as {@link #withTypes}
   */
  public static JsonObject build(Collection<CheckType> types) {
    JsonObject properties = new JsonObject()
      .put("$schema", new JsonObject().put("type", "string").put("x-default", "none")
        .put("description", "the schema's location, for editors; ignored"))
      .put("http", StandaloneSection.HTTP.schema())
      .put("reload", StandaloneSection.RELOAD.schema())
      .put("application", ApplicationOptions.schema())
      .put("admin", StandaloneSection.ADMIN.schema())
      .put("checks", new JsonObject().put("type", "array").put("items", ref("check"))
        .put("x-default", "disk-space, heap, event-loop").put("description", "the checks; `[]` for none"))
      .put("heartbeat", StandaloneSection.HEARTBEAT.schema())
      .put("notifications", JsonForm.of("notifications.")
        .objects("webhooks", WebhookOptions::new, WebhookOptions::schema)
        .describe("where status changes are POSTed, each as `notifications.webhooks[]` below")
        .schema(new JsonObject()))
      .put("health", withoutApplication(HealthHandlerOptions.schema()))
      .put("environment", switched(EnvironmentOptions.schema(), "serve `/environment`; `false` → 404"))
      .put("consul", ConsulSection.schema())
      .put("grpc", switched(GrpcHealthOptions.schema(),
        "serve `grpc.health.v1.Health` (`Check`, `Watch`) on the HTTP port, over HTTP/2 (see \"gRPC health\")"))
      .put("history", HistorySection.schema())
      .put("alerts", standaloneAlerts())
      .put("fleet", FleetSection.schema())
      .put("shutdown", StandaloneSection.SHUTDOWN.schema())
      .put("metrics", VitalsMetricsOptions.schema());
    JsonObject check = CheckOptions.schema();
    JsonObject common = new JsonObject().put("name", check.getJsonObject("properties").getJsonObject("name"))
      .put("type", new JsonObject().put("enum", new JsonArray().add(PassiveCheckDefinition.TYPE))
        .put("description", "the check's type, one of the types below"));
    check.getJsonObject("properties").forEach(e -> common.put(e.getKey(), e.getValue()));
    check.put("properties", common).put("required", new JsonArray().add("name").add("type"))
      .put("allOf", new JsonArray());
    JsonObject defs = JsonForm.definitions().put("check", check).put("checkFields", new JsonObject());
    JsonObject schema = new JsonObject()
      .put("$schema", "https://json-schema.org/draft/2020-12/schema")
      .put("$id", "https://vitals.dev/schema/" + ConfigSchema.RESOURCE)
      .put("title", "Vitals standalone config")
      .put("description", "The config of vitals-samples.jar (StandaloneVerticle); docs/configuration.md explains "
        + "every key. Generated from the options classes: do not edit.")
      .put("type", "object")
      .put("additionalProperties", false)
      .put("properties", properties)
      .put("$defs", defs);
    branch(schema, PassiveCheckDefinition.TYPE,
      PassiveOptions.schema().put("description", PassiveCheckDefinition.DESCRIPTION));
    return withTypes(schema, types);
  }

  /**
   * The schema with these check types: each type's name among those {@code type} accepts, its fragment as the
   * {@code then} of the {@code allOf} branch of its name (replaced in place when the schema has one, else added at
   * the end), and the entry's keys, the common ones and the type's, as {@code $defs/checkFields/<name>} (keys it does
   * not name are refused). The standalone verticle's schema is this with every type on the class path.
   *
   * @param schema a schema such as {@link #build}'s; not modified
   * @param types  the types to describe
   * @return a new schema
   * @throws IllegalStateException when a type's name is not a lower-case word ({@code [a-z][a-z0-9-]*}) or is the
   *                               standalone's own {@code passive}
   */
  public static JsonObject withTypes(JsonObject schema, Collection<CheckType> types) {
    JsonObject assembled = schema.copy();
    for (CheckType type : types) {
      String name = type.name();
      if (!name.matches("[a-z][a-z0-9-]*") || name.equals(PassiveCheckDefinition.TYPE)) {
        throw new IllegalStateException("check type '" + name + "' (" + type.getClass().getName()
          + "): the name must be a lower-case word ([a-z][a-z0-9-]*) other than " + PassiveCheckDefinition.TYPE);
      }
      JsonObject fragment = type.schema();
      if (!type.description().isEmpty()) {
        fragment.put("description", type.description());
      }
      branch(assembled, name, fragment);
    }
    return assembled;
  }

  /** Puts the branch of one type into the schema, in place. */
  private static void branch(JsonObject schema, String name, JsonObject fragment) {
    JsonObject defs = schema.getJsonObject("$defs");
    JsonObject check = defs.getJsonObject("check");
    JsonArray names = check.getJsonObject("properties").getJsonObject("type").getJsonArray("enum");
    JsonArray branches = check.getJsonArray("allOf");
    JsonObject then = new JsonObject();
    if (fragment.containsKey("description")) {
      then.put("description", fragment.getString("description"));
    }
    if (fragment.containsKey("required")) {
      then.put("required", fragment.getJsonArray("required"));
    }
    then.put("properties", fragment.getJsonObject("properties", new JsonObject()))
      .put("$ref", "#/$defs/checkFields/" + name);
    JsonObject branch = new JsonObject()
      .put("if", new JsonObject().put("properties", new JsonObject().put("type", new JsonObject().put("const", name)))
        .put("required", new JsonArray().add("type")))
      .put("then", then);
    int at = branchOf(branches, name);
    if (at < 0) {
      branches.add(branch);
    } else {
      branches.set(at, branch);
    }
    if (!names.contains(name)) {
      names.add(name);
    }
    JsonArray keys = new JsonArray();
    check.getJsonObject("properties").fieldNames().forEach(keys::add);
    then.getJsonObject("properties").fieldNames().forEach(keys::add);
    defs.getJsonObject("checkFields")
      .put(name, new JsonObject().put("propertyNames", new JsonObject().put("enum", keys)));
  }

  /** @return the index of the branch of {@code allOf} whose {@code if} is {@code "type": name}, or -1 */
  private static int branchOf(JsonArray branches, String name) {
    for (int i = 0; i < branches.size(); i++) {
      if (name.equals(ConfigSchema.valueAt(branches.getJsonObject(i), "/if/properties/type/const"))) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code alerts} section, its silences kept beside the config file by default in the standalone. */
  private static JsonObject standaloneAlerts() {
    JsonObject alerts = AlertsOptions.schema();
    alerts.getJsonObject("properties").getJsonObject("silencesFile")
      .put("x-default", "`" + StandaloneAlerts.SILENCES_FILE + "` beside the `-conf` file; in memory with inline JSON");
    return alerts;
  }

  /** The config's {@code health} section: the application shown comes from its own {@code application} section. */
  private static JsonObject withoutApplication(JsonObject health) {
    health.getJsonObject("properties").remove("application");
    return health;
  }

  /** A library section with the standalone's {@code enabled} switch first. */
  private static JsonObject switched(JsonObject section, String meaning) {
    JsonObject properties = new JsonObject().put("enabled", new JsonObject().put("type", "boolean")
      .put("default", true).put("description", meaning));
    section.getJsonObject("properties").forEach(e -> properties.put(e.getKey(), e.getValue()));
    return section.put("properties", properties);
  }

  /**
   * @param sections object schemas such as two options classes' {@code schema()}
   * @return one object schema with the properties of each, in order, and the required keys of each
   */
  static JsonObject merged(JsonObject... sections) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (JsonObject section : sections) {
      section.getJsonObject("properties").forEach(e -> properties.put(e.getKey(), e.getValue()));
      section.getJsonArray("required", new JsonArray()).forEach(required::add);
    }
    JsonObject merged = new JsonObject().put("type", "object").put("properties", properties);
    if (!required.isEmpty()) {
      merged.put("required", required);
    }
    return merged.put("additionalProperties", false);
  }

  private static JsonObject ref(String definition) {
    return new JsonObject().put("$ref", "#/$defs/" + definition);
  }
}
