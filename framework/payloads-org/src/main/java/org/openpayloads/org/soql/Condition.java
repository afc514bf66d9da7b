package org.openpayloads.org.soql;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A WHERE condition, as parsed. Parentheses leave no node of their own; {@link #toSoql()} puts them back. */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Comparison,
        Condition.InList {

    /** The condition in canonical SOQL: keywords upper-case, literals as written. */
    String toSoql();

    /** A comparison operator. */
    enum Operator {
        EQUALS("="), NOT_EQUALS("!="), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="),
        LIKE("LIKE");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as SOQL writes it; {@code <>} reads as {@code !=}. */
        public String symbol() {
            return symbol;
        }
    }

    /** Every operand holds; two or more of them. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = atLeastTwo(operands);
        }

        @Override
        public String toSoql() {
            return join(operands, " AND ");
        }
    }

    /** At least one operand holds; two or more of them. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = atLeastTwo(operands);
        }

        @Override
        public String toSoql() {
            return join(operands, " OR ");
        }
    }

    /** The operand does not hold. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toSoql() {
            return "NOT " + nested(operand);
        }
    }

    /** {@code field <operator> value}. */
    record Comparison(FieldPath field, Operator operator, Literal value) implements Condition {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toSoql() {
            return field.text() + " " + operator.symbol() + " " + value.text();
        }
    }

    /** {@code field IN (values)}, or {@code field NOT IN (values)} when {@code negated}. */
    record InList(FieldPath field, boolean negated, List<Literal> values) implements Condition {
        public InList {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }

        @Override
        public String toSoql() {
            return field.text() + (negated ? " NOT IN (" : " IN (")
                    + values.stream().map(Literal::text).collect(Collectors.joining(", ")) + ")";
        }
    }

    private static List<Condition> atLeastTwo(List<Condition> operands) {
        List<Condition> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("AND and OR need at least two operands, got " + copy.size());
        }
        return copy;
    }

    private static String join(List<Condition> operands, String separator) {
        return operands.stream().map(Condition::nested).collect(Collectors.joining(separator));
    }

    private static String nested(Condition condition) {
        return condition instanceof And || condition instanceof Or ? "(" + condition.toSoql() + ")"
                : condition.toSoql();
    }
}
