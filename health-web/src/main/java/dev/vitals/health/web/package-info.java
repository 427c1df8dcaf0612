/**
 * Vert.x Web handlers to mount on a router: /health and its probes, /status, /environment, maintenance switching, heartbeats of passive checks, webhooks.
 */
@ModuleGen(name = "vitals-health-web", groupPackage = "dev.vitals")
package dev.vitals.health.web;

import io.vertx.codegen.annotations.ModuleGen;
