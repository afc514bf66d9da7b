package org.openpayloads.engine.expr;

import org.jspecify.annotations.Nullable;

/**
 * A compiled expression. Immutable and thread-safe: compile it once, evaluate it for every payload.
 *
 * <p>Results are null, a {@link String}, a {@link Boolean}, a {@link java.math.BigDecimal} or a {@link java.util.List}
 * of those; dates and datetimes are ISO-8601 texts.
 */
public interface Expression {

    /**
     * The value of this expression for one payload.
     *
     * @throws org.openpayloads.api.MappingException when the data does not fit, such as a text where a function
     *     expects a number; the message names the function or operator and the argument
     */
    @Nullable Object evaluate(EvaluationContext context);
}
