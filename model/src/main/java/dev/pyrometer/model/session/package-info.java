/**
 * The {@code .pyro} session format (docs/session-format.md): {@link dev.pyrometer.model.session.SessionRecorder}
 * saves a recording while it runs, {@link dev.pyrometer.model.session.SessionWriter} writes chunks (all at once
 * with {@code save}, or as a profile grows), {@link dev.pyrometer.model.session.SessionReader} loads files and
 * streams, keeping everything before a damaged chunk and saying where it stopped in a
 * {@link dev.pyrometer.model.LoadReport}.
 */
package dev.pyrometer.model.session;
