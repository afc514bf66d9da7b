package org.openpayloads.org.soql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.soql.Condition.Operator;
import org.openpayloads.org.soql.Token.Kind;

/**
 * Parses the SOQL subset of the embedded org by recursive descent:
 * {@code SELECT paths | COUNT() FROM Object [WHERE condition] [ORDER BY ...] [LIMIT n] [OFFSET n]}.
 * Input is bounded ({@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} levels of parentheses and NOT), so
 * no query can exhaust the stack. Syntax that Salesforce has and the embedded org lacks is rejected by name.
 */
public final class SoqlParser {

    /** Salesforce's own limit on the length of a SOQL statement. */
    public static final int MAX_LENGTH = 100_000;
    /** Levels of parentheses and NOT that a condition may nest. */
    public static final int MAX_DEPTH = 100;
    /** Parent relationships that a path may cross, as in Salesforce. */
    public static final int MAX_RELATIONSHIP_LEVELS = 5;

    private final String soql;
    private final SoqlTokenizer tokenizer;
    /** Tokens read so far; the tokenizer runs just ahead of the parser, so errors come in text order. */
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private SoqlParser(String soql) {
        this.soql = soql;
        this.tokenizer = SoqlTokenizer.over(soql);
    }

    /**
     * Parses {@code soql}. Names are not checked here: {@link SoqlQuery#compile} does that.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} for bad or unsupported syntax, or a query over
     *     {@value #MAX_LENGTH} characters
     */
    public static SoqlQuery parse(String soql) {
        Objects.requireNonNull(soql, "soql");
        if (soql.length() > MAX_LENGTH) {
            throw new SoqlException(SoqlException.MALFORMED_QUERY, "query is too long: " + soql.length()
                    + " characters, and the embedded org accepts at most " + MAX_LENGTH);
        }
        return new SoqlParser(soql).query();
    }

    /**
     * {@code value} as a SOQL string literal, quotes included, for building a query from untrusted input:
     * whatever {@code value} holds, the literal parses as one string equal to it. {@code %} and {@code _} are
     * left alone, so the literal is exact with {@code =} and {@code IN}, not as a LIKE pattern.
     */
    public static String quote(String value) {
        return SoqlStrings.quote(Objects.requireNonNull(value, "value"));
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        List<FieldPath> fields = new ArrayList<>();
        boolean countOnly = selectList(fields);
        expectKeyword("FROM");
        Token object = name("an object name", SoqlWords.OBJECT_RESERVED);
        Token next = peek();
        if (next.is(Kind.IDENTIFIER) && !isClauseKeyword(next)) {
            throw unsupported(next, "an object alias");
        }
        Optional<Condition> where = Optional.empty();
        rejectUnsupportedClause();
        if (acceptKeyword("WHERE")) {
            where = Optional.of(condition(0));
        }
        rejectUnsupportedClause();
        List<OrderBy> orderBy = orderBy(countOnly);
        rejectUnsupportedClause();
        OptionalInt limit = acceptKeyword("LIMIT") ? OptionalInt.of(count("LIMIT")) : OptionalInt.empty();
        rejectUnsupportedClause();
        OptionalInt offset = acceptKeyword("OFFSET") ? OptionalInt.of(count("OFFSET")) : OptionalInt.empty();
        rejectUnsupportedClause();
        if (!peek().is(Kind.END)) {
            throw unexpected(peek());
        }
        return new SoqlQuery(soql, fields, countOnly, object.text(), object.position(), where, orderBy, limit,
                offset);
    }

    /** Fills {@code fields}; returns whether the list is {@code COUNT()}. */
    private boolean selectList(List<FieldPath> fields) {
        @Nullable Token countToken = null;
        do {
            Token item = peek();
            if (item.is(Kind.LEFT_PAREN)) {
                throw unsupported(item, "a sub-query in SELECT");
            }
            if (item.isKeyword("TYPEOF") && peek(1).is(Kind.IDENTIFIER) && !peek(1).isKeyword("FROM")) {
                throw unsupported(item, "TYPEOF");
            }
            if (item.is(Kind.IDENTIFIER) && peek(1).is(Kind.LEFT_PAREN)) {
                if (!item.isKeyword("COUNT") || !peek(2).is(Kind.RIGHT_PAREN)) {
                    throw function(item);
                }
                if (countToken != null || !fields.isEmpty()) {
                    throw malformed(item, "COUNT() must be the only element in the SELECT list");
                }
                countToken = item;
                index += 3;
            } else {
                if (countToken != null) {
                    throw malformed(countToken, "COUNT() must be the only element in the SELECT list");
                }
                fields.add(path());
            }
        } while (accept(Kind.COMMA));
        return countToken != null;
    }

    private List<OrderBy> orderBy(boolean countOnly) {
        List<OrderBy> orderBy = new ArrayList<>();
        if (peek().isKeyword("ORDER")) {
            Token order = advance();
            expectKeyword("BY");
            if (countOnly) {
                throw malformed(order, "ORDER BY cannot be used with COUNT()");
            }
            do {
                orderBy.add(orderItem());
            } while (accept(Kind.COMMA));
        }
        return orderBy;
    }

    private OrderBy orderItem() {
        if (peek().is(Kind.IDENTIFIER) && peek(1).is(Kind.LEFT_PAREN)) {
            throw function(peek());
        }
        FieldPath field = path();
        OrderBy.Direction direction = OrderBy.Direction.ASC;
        if (acceptKeyword("DESC")) {
            direction = OrderBy.Direction.DESC;
        } else {
            acceptKeyword("ASC");
        }
        OrderBy.Nulls nulls = OrderBy.defaultNulls(direction);
        if (acceptKeyword("NULLS")) {
            if (acceptKeyword("FIRST")) {
                nulls = OrderBy.Nulls.FIRST;
            } else {
                expectKeyword("LAST");
                nulls = OrderBy.Nulls.LAST;
            }
        }
        return new OrderBy(field, direction, nulls);
    }

    /** Terms joined by one kind of operator: SOQL wants parentheses to mix AND with OR. */
    private Condition condition(int depth) {
        Condition first = term(depth);
        @Nullable String joiner = peek().isKeyword("AND") ? "AND" : peek().isKeyword("OR") ? "OR" : null;
        if (joiner == null) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(first);
        while (acceptKeyword(joiner)) {
            operands.add(term(depth));
        }
        if (peek().isKeyword("AND") || peek().isKeyword("OR")) {
            throw unexpected(peek());
        }
        return joiner.equals("AND") ? new Condition.And(operands) : new Condition.Or(operands);
    }

    private Condition term(int depth) {
        Token start = peek();
        if (depth >= MAX_DEPTH) {
            throw malformed(start, "the condition nests too deeply: at most " + MAX_DEPTH
                    + " levels of parentheses and NOT");
        }
        if (acceptKeyword("NOT")) {
            return new Condition.Not(term(depth + 1));
        }
        if (accept(Kind.LEFT_PAREN)) {
            if (peek().isKeyword("SELECT")) {
                throw unsupported(peek(), "a sub-query in WHERE");
            }
            Condition inner = condition(depth + 1);
            expect(Kind.RIGHT_PAREN);
            return inner;
        }
        return predicate(start);
    }

    /** {@code field <operator> value}, {@code field [NOT] IN (values)}. */
    private Condition predicate(Token start) {
        if (start.is(Kind.IDENTIFIER) && peek(1).is(Kind.LEFT_PAREN)) {
            throw function(start);
        }
        FieldPath field = path();
        Token operator = advance();
        if (operator.is(Kind.OPERATOR)) {
            return new Condition.Comparison(field, operator(operator), value());
        }
        if (operator.isKeyword("LIKE")) {
            return new Condition.Comparison(field, Operator.LIKE, value());
        }
        if (operator.isKeyword("IN")) {
            return new Condition.InList(field, false, valueList());
        }
        if (operator.isKeyword("NOT") && acceptKeyword("IN")) {
            return new Condition.InList(field, true, valueList());
        }
        if (operator.isKeyword("INCLUDES") || operator.isKeyword("EXCLUDES")) {
            throw unsupported(operator, operator.upper());
        }
        throw unexpected(operator.isKeyword("NOT") ? peek() : operator);
    }

    private List<Literal> valueList() {
        if (peek().is(Kind.COLON)) {
            throw bindVariable(peek());
        }
        expect(Kind.LEFT_PAREN);
        if (peek().isKeyword("SELECT")) {
            throw unsupported(peek(), "a semi-join or anti-join (a sub-query in WHERE)");
        }
        List<Literal> values = new ArrayList<>();
        do {
            values.add(value());
        } while (accept(Kind.COMMA));
        expect(Kind.RIGHT_PAREN);
        return values;
    }

    private Literal value() {
        Token token = advance();
        return switch (token.kind()) {
            case STRING -> literal(Literal.Kind.STRING, token);
            case NUMBER -> literal(Literal.Kind.NUMBER, token);
            case DATE -> literal(Literal.Kind.DATE, token);
            case DATETIME -> literal(Literal.Kind.DATETIME, token);
            case IDENTIFIER -> wordValue(token);
            case COLON -> throw bindVariable(token);
            default -> throw unexpected(token);
        };
    }

    private static Literal literal(Literal.Kind kind, Token token) {
        return new Literal(kind, token.value(), token.text(), token.position());
    }

    private Literal wordValue(Token token) {
        String word = token.upper();
        switch (word) {
            case "TRUE", "FALSE":
                return new Literal(Literal.Kind.BOOLEAN, Boolean.valueOf(word.equals("TRUE")), token.text(),
                        token.position());
            case "NULL":
                return new Literal(Literal.Kind.NULL, null, token.text(), token.position());
            case "TODAY", "YESTERDAY", "TOMORROW":
                return relativeDate(token, new RelativeDate(RelativeDate.Unit.valueOf(word), 0));
            case "LAST_N_DAYS", "NEXT_N_DAYS":
                expect(Kind.COLON);
                Token days = advance();
                if (!days.is(Kind.NUMBER) || !isCount(days)) {
                    throw malformed(days, word + " needs a whole number of days, as in " + word + ":7");
                }
                return relativeDate(token, new RelativeDate(RelativeDate.Unit.valueOf(word),
                        ((BigDecimal) days.value()).intValueExact()));
            default:
                if (SoqlWords.OTHER_DATE_LITERALS.contains(word)) {
                    throw unsupported(token, "the date literal " + word);
                }
                throw unexpected(token);
        }
    }

    private Literal relativeDate(Token start, RelativeDate date) {
        String text = soql.substring(start.position(), tokens.get(index - 1).position()
                + tokens.get(index - 1).text().length());
        return new Literal(Literal.Kind.RELATIVE_DATE, date, text, start.position());
    }

    /** A path of at most {@value #MAX_RELATIONSHIP_LEVELS} relationships and a field. */
    private FieldPath path() {
        Token first = name("a field name", SoqlWords.RESERVED);
        List<String> segments = new ArrayList<>();
        segments.add(first.text());
        while (accept(Kind.DOT)) {
            segments.add(name("a field or relationship name", SoqlWords.RESERVED).text());
        }
        if (segments.size() > MAX_RELATIONSHIP_LEVELS + 1) {
            throw malformed(first, "the path " + String.join(".", segments) + " crosses " + (segments.size() - 1)
                    + " relationships, and a query may cross at most " + MAX_RELATIONSHIP_LEVELS);
        }
        return new FieldPath(segments, first.position());
    }

    private Token name(String what, Set<String> reserved) {
        Token token = advance();
        if (token.is(Kind.COLON)) {
            throw bindVariable(token);
        }
        if (token.is(Kind.END)) {
            throw malformed(token, "unexpected token: " + token.quoted() + ", expected " + what);
        }
        if (!token.is(Kind.IDENTIFIER) || reserved.contains(token.upper())) {
            throw unexpected(token);
        }
        return token;
    }

    private int count(String clause) {
        Token token = advance();
        if (token.is(Kind.COLON)) {
            throw bindVariable(token);
        }
        if (!token.is(Kind.NUMBER) || !isCount(token)) {
            throw malformed(token, clause + " needs a whole number from 0 to " + Integer.MAX_VALUE + ", got "
                    + token.quoted());
        }
        return ((BigDecimal) token.value()).intValueExact();
    }

    private static boolean isCount(Token number) {
        BigDecimal value = (BigDecimal) number.value();
        return Character.isDigit(number.text().charAt(0)) && number.text().indexOf('.') < 0
                && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    private void rejectUnsupportedClause() {
        Token token = peek();
        switch (token.is(Kind.IDENTIFIER) ? token.upper() : "") {
            case "GROUP" -> throw unsupported(token, "GROUP BY");
            case "HAVING" -> throw unsupported(token, "HAVING");
            case "USING" -> throw unsupported(token, "USING SCOPE");
            case "WITH", "FOR", "UPDATE", "ALL" -> throw unsupported(token,
                    token.upper() + (peek(1).is(Kind.IDENTIFIER) ? " " + peek(1).upper() : ""));
            default -> {
                // not a clause that the embedded org lacks
            }
        }
    }

    private static boolean isClauseKeyword(Token token) {
        return SoqlWords.CLAUSES.contains(token.upper());
    }

    private static Operator operator(Token token) {
        return switch (token.text()) {
            case "=" -> Operator.EQUALS;
            case "!=", "<>" -> Operator.NOT_EQUALS;
            case "<" -> Operator.LESS;
            case ">" -> Operator.GREATER;
            case "<=" -> Operator.LESS_OR_EQUAL;
            case ">=" -> Operator.GREATER_OR_EQUAL;
            default -> throw new IllegalStateException("Unknown operator token " + token.text());
        };
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        while (tokens.size() <= index + ahead && (tokens.isEmpty() || !tokens.get(tokens.size() - 1).is(Kind.END))) {
            tokens.add(tokenizer.next());
        }
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = peek();
        if (!token.is(Kind.END)) {
            index++;
        }
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().is(kind)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind) {
        if (!accept(kind)) {
            throw unexpected(peek());
        }
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected(peek());
        }
    }

    private SoqlException unexpected(Token token) {
        return malformed(token, "unexpected token: " + token.quoted());
    }

    private SoqlException function(Token name) {
        String function = name.upper();
        if (function.equals("COUNT")) {
            return malformed(name, "COUNT(field) is not supported by the embedded org: use COUNT() alone");
        }
        if (SoqlWords.AGGREGATES.contains(function)) {
            return malformed(name, "the aggregate function " + function
                    + "() is not supported by the embedded org: only COUNT() is");
        }
        return unsupported(name, "the function " + function + "()");
    }

    private SoqlException bindVariable(Token colon) {
        return malformed(colon, "Bind variables only allowed in Apex code: the embedded org does not support them; "
                + "write the value as a literal, escaped with SoqlParser.quote");
    }

    private SoqlException unsupported(Token token, String construct) {
        return SoqlException.unsupported(soql, token.position(), construct);
    }

    private SoqlException malformed(Token token, String reason) {
        return SoqlException.malformed(soql, token.position(), reason);
    }
}
