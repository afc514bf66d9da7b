/**
 * The server: command line, settings and wiring. The only package that sees every module.
 *
 * <p>Entry points: {@link org.openpayloads.server.PayloadsCommand} (the {@code payloads} command line),
 * {@link org.openpayloads.server.ServerSettings} (flags, environment, properties file, defaults) and
 * {@link org.openpayloads.server.PayloadsServer}, which opens the store, wires the services into the web
 * application and serves it on Grizzly.
 */
@NullMarked
package org.openpayloads.server;

import org.jspecify.annotations.NullMarked;
