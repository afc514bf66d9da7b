package org.openpayloads.engine.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;

/** The nodes of a compiled expression: immutable records, so a tree is safe to share between threads. */
final class Nodes {

    private Nodes() {
    }

    record Literal(@Nullable Object value) implements Expression {
        @Override
        public @Nullable Object evaluate(EvaluationContext context) {
            return value;
        }
    }

    record Path(String path) implements Expression {
        @Override
        public @Nullable Object evaluate(EvaluationContext context) {
            return Values.normalise(context.read(path));
        }
    }

    record Call(Functions.Function function, List<Expression> arguments) implements Expression {
        Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public @Nullable Object evaluate(EvaluationContext context) {
            return function.apply(new Args(function.name(), arguments, context));
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            return !truth(operand.evaluate(context), "operator '!'");
        }
    }

    record And(Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            return truth(left.evaluate(context), "operator '&&'") && truth(right.evaluate(context), "operator '&&'");
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            return truth(left.evaluate(context), "operator '||'") || truth(right.evaluate(context), "operator '||'");
        }
    }

    record Compare(String operator, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(EvaluationContext context) {
            Object a = left.evaluate(context);
            Object b = right.evaluate(context);
            return switch (operator) {
                case "==" -> same(a, b);
                case "!=" -> !same(a, b);
                default -> order(a, b);
            };
        }

        private boolean order(@Nullable Object a, @Nullable Object b) {
            if (a == null || b == null) {
                return false;
            }
            int sign;
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                sign = x.compareTo(y);
            } else if (a instanceof String x && b instanceof String y) {
                sign = x.compareTo(y);
            } else {
                throw new MappingException("operator '" + operator + "': expected two numbers or two texts, got "
                        + Values.describe(a) + " and " + Values.describe(b));
            }
            return switch (operator) {
                case "<" -> sign < 0;
                case "<=" -> sign <= 0;
                case ">" -> sign > 0;
                default -> sign >= 0;
            };
        }
    }

    /** Numbers are equal by value (1.0 == 1); values of different kinds are never equal. */
    static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Null counts as false, so that a missing flag does not fail a condition. */
    static boolean truth(@Nullable Object value, String where) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new MappingException(where + ": expected true, false or null, got " + Values.describe(value));
    }

    /** What {@link Expressions#compile} returns: the tree, shown as its source. */
    record Compiled(String source, Expression root) implements Expression {
        @Override
        public @Nullable Object evaluate(EvaluationContext context) {
            return root.evaluate(context);
        }

        @Override
        public String toString() {
            return source;
        }
    }
}
