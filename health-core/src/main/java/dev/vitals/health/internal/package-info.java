/**
 * Plumbing that Vitals' modules share and that is not an API: exported to every module, as Vert.x exports
 * {@code io.vertx.core.internal}, with no compatibility promise. Names, signatures and behaviour may change in any
 * release; an application should not use it.
 */
package dev.vitals.health.internal;
