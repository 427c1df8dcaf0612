/**
 * Checks, their registry with a per-check result cache, passive checks and maintenance: the core of Vitals, free of HTTP.
 */
@ModuleGen(name = "vitals-health", groupPackage = "dev.vitals")
package dev.vitals.health;

import io.vertx.codegen.annotations.ModuleGen;
