/**
 * Parsing inbound bodies into one tree, whatever their format.
 *
 * <p>{@link org.openpayloads.engine.parse.BodyParser} turns a JSON, form-encoded, XML or plain text
 * body into a Jackson tree, so that element paths ({@code $.data.object.id}) run the same way on each;
 * bad or hostile input fails with a {@link org.openpayloads.api.MappingException} that says what is
 * wrong, within the {@link org.openpayloads.engine.parse.ParseLimits}.
 * {@link org.openpayloads.engine.parse.SampleElements} derives a payload's element tree from a parsed
 * sample body.
 */
@NullMarked
package org.openpayloads.engine.parse;

import org.jspecify.annotations.NullMarked;
