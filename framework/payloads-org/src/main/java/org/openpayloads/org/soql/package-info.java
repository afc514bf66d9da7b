/**
 * A hand-written parser and evaluator for the subset of SOQL that the embedded org serves.
 *
 * <p>Entry points: {@link org.openpayloads.org.soql.SoqlParser#parse(String)} turns text into an
 * immutable {@link org.openpayloads.org.soql.SoqlQuery}; {@link org.openpayloads.org.soql.SoqlQuery#compile(SchemaView)}
 * resolves its names against a {@link org.openpayloads.org.soql.SchemaView} and returns a
 * {@link org.openpayloads.org.soql.CompiledQuery} that filters, orders and pages records seen through
 * {@link org.openpayloads.org.soql.RecordAccessor}. Every failure is a
 * {@link org.openpayloads.org.soql.SoqlException} with Salesforce's error code and message shape.
 * {@link org.openpayloads.org.soql.SoqlParser#quote(String)} escapes a value as a string literal.
 *
 * <p>The package uses the JDK only, so it can move with the org.
 */
@NullMarked
package org.openpayloads.org.soql;

import org.jspecify.annotations.NullMarked;
