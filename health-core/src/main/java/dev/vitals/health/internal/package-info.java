/**
 * Plumbing that the Vitals modules share: running user code bounded in time, one HTTP exchange bounded as a whole,
 * a log that speaks once per burst, listeners told with one fault policy, a Vert.x transport that hands each
 * connection to a hook before Vert.x sees it.
 *
 * <p><strong>Internal: no compatibility promise.</strong> The package is exported so that sibling modules (and a
 * module that extends Vitals) can use it without reaching into another module's {@code impl}, as Vert.x 5 exports
 * {@code io.vertx.core.internal}; anything in it may change or go in any release, without notice. Applications
 * should use the public API of {@code dev.vitals.health} and the other modules' root packages instead.
 */
package dev.vitals.health.internal;
