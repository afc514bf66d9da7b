/**
 * The service-provider interface of OpenPayloads: what a connector or transform author needs, and
 * nothing of the runtime.
 *
 * <p>Entry points: {@link org.openpayloads.api.PayloadsException} and its subclasses, the one
 * exception family every layer throws, and {@link org.openpayloads.api.FieldError}, a problem tied to
 * one named field. Configuration definitions live in {@link org.openpayloads.api.config}, the connector
 * SPI in {@link org.openpayloads.api.connector}, and the records a connector reads and writes in
 * {@link org.openpayloads.api.records}.
 */
@NullMarked
package org.openpayloads.api;

import org.jspecify.annotations.NullMarked;
