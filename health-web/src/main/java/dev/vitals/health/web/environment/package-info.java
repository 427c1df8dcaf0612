/**
 * {@code /environment}, served: the {@link dev.vitals.health.web.environment.EnvironmentHandler} answers with an
 * environment-dump {@code EnvironmentDump}, secrets scrubbed.
 *
 * <p>An optional part: health-web reads environment-dump only when it is present ({@code requires static}, an
 * optional Maven dependency), so an application that serves {@code /health} alone does not get it. One that uses
 * this package depends on {@code dev.vitals:environment-dump} itself.
 */
package dev.vitals.health.web.environment;
