/**
 * A small expression language for field mappings and target conditions, compiled once when a mapping is saved
 * and evaluated for every payload.
 *
 * <p>Entry points: {@link org.openpayloads.engine.expr.Expressions#compile} turns a source such as
 * {@code concat(upper($.data.object.currency), ' ', minorToDecimal($.data.object.amount, $.data.object.currency))}
 * into an immutable, thread-safe {@link org.openpayloads.engine.expr.Expression}, or throws a
 * {@code ConfigException} that names the column and what was expected. An expression reads elements through an
 * {@link org.openpayloads.engine.expr.EvaluationContext}. {@link org.openpayloads.engine.expr.Functions#docs()}
 * lists the functions, for the docs and the UI.
 */
@NullMarked
package org.openpayloads.engine.expr;

import org.jspecify.annotations.NullMarked;
