/**
 * The channels alerts are delivered through: one entry of {@code alerts.channels} each
 * ({@link dev.vitals.health.alerts.channels.ChannelOptions}), a type per well-kept client or published API.
 */
package dev.vitals.health.alerts.channels;
