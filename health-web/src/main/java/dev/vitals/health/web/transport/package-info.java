/**
 * Connection-level limits of an HTTP server, applied as Vert.x transports before Vert.x sees a request:
 * {@link dev.vitals.health.web.transport.ConnectionLimits} (open connections, in all and per client address),
 * {@link dev.vitals.health.web.transport.RapidResetLimits} (HTTP/2 stream resets per client address) and
 * {@link dev.vitals.health.web.transport.RequestHeadTimeout} (a deadline for each HTTP/1.x request head). Build the
 * application's Vert.x with them; they depend on no other part of health-web.
 */
package dev.vitals.health.web.transport;
