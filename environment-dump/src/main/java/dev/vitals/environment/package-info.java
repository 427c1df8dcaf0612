/**
 * A registry of named environment sections (os, jvm, process, vertx, application, config and your own), dumped as one JSON object with secrets scrubbed.
 */
@ModuleGen(name = "vitals-environment", groupPackage = "dev.vitals")
package dev.vitals.environment;

import io.vertx.codegen.annotations.ModuleGen;
