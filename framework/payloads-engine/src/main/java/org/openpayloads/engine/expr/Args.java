package org.openpayloads.engine.expr;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;

/**
 * The arguments of one function call, evaluated on demand (so that {@code if} and {@code coalesce} skip what they
 * do not need) and checked by type with messages that name the function and the argument. One per call.
 */
final class Args {

    private final String function;
    private final List<Expression> expressions;
    private final EvaluationContext context;

    Args(String function, List<Expression> expressions, EvaluationContext context) {
        this.function = function;
        this.expressions = expressions;
        this.context = context;
    }

    int size() {
        return expressions.size();
    }

    EvaluationContext context() {
        return context;
    }

    @Nullable Object value(int index) {
        return expressions.get(index).evaluate(context);
    }

    /** A scalar as text; numbers in plain notation. */
    @Nullable String text(int index) {
        Object value = value(index);
        if (value == null) {
            return null;
        }
        String text = Values.asText(value);
        if (text == null) {
            throw error(index, "text", value);
        }
        return text;
    }

    String requiredText(int index) {
        String text = text(index);
        if (text == null) {
            throw error(index, "text", null);
        }
        return text;
    }

    /** A number, or a text that holds one. */
    @Nullable BigDecimal number(int index) {
        Object value = value(index);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw error(index, "a number", value);
            }
        }
        throw error(index, "a number", value);
    }

    int integer(int index) {
        BigDecimal number = number(index);
        try {
            if (number == null) {
                throw error(index, "a whole number", null);
            }
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw error(index, "a whole number", number);
        }
    }

    boolean truth(int index) {
        return Nodes.truth(value(index), where(index));
    }

    @Nullable List<?> list(int index) {
        Object value = value(index);
        if (value == null || value instanceof List<?>) {
            return (List<?>) value;
        }
        throw error(index, "a list", value);
    }

    /** The zone in the given argument, or the context's when there is no such argument. */
    ZoneId zone(int index) {
        if (index >= size()) {
            return context.zone();
        }
        String id = requiredText(index);
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw error(index, "a time zone such as Europe/Paris", id);
        }
    }

    MappingException error(int index, String expected, @Nullable Object got) {
        return new MappingException(where(index) + ": expected " + expected + ", got " + Values.describe(got));
    }

    private String where(int index) {
        return "function '" + function + "', argument " + (index + 1);
    }
}
