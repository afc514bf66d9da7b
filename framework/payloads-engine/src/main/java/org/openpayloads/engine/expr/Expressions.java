package org.openpayloads.engine.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openpayloads.api.ConfigException;
import org.openpayloads.engine.expr.Tokenizer.Kind;
import org.openpayloads.engine.expr.Tokenizer.Token;

/**
 * Compiles expressions by recursive descent. From loosest to tightest binding: {@code ||}, {@code &&}, one
 * comparison ({@code == != < > <= >=}, not chained), {@code !}, then values: texts in single or double quotes,
 * numbers, {@code true}, {@code false}, {@code null}, element paths ({@code $...} or {@code @...}), function calls
 * and parentheses.
 */
public final class Expressions {

    static final int MAX_LENGTH = 4000;
    static final int MAX_DEPTH = 64;
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Expressions(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Compiles {@code source} once, so that a mistake is reported when a mapping is saved.
     *
     * @throws ConfigException on field {@code value}, naming the column and what was expected
     */
    public static Expression compile(String source) {
        if (source.length() > MAX_LENGTH) {
            throw Tokenizer.error("is " + source.length() + " characters long; expected at most " + MAX_LENGTH);
        }
        Expressions parser = new Expressions(Tokenizer.tokenize(source));
        Expression root = parser.or();
        Token last = parser.peek();
        if (last.kind() != Kind.END) {
            throw Tokenizer.error("unexpected " + last.shown() + " at column " + last.column()
                    + "; expected an operator, ',' or ')' or the end of the expression");
        }
        return new Nodes.Compiled(source, root);
    }

    /**
     * Every element path {@code expression} reads, in the order written, so that a caller can compile each once
     * before the expression is first evaluated.
     */
    public static Set<String> paths(Expression expression) {
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(expression, paths);
        return paths;
    }

    private static void collectPaths(Expression node, Set<String> paths) {
        if (node instanceof Nodes.Compiled compiled) {
            collectPaths(compiled.root(), paths);
        } else if (node instanceof Nodes.Path path) {
            paths.add(path.path());
        } else if (node instanceof Nodes.Call call) {
            call.arguments().forEach(argument -> collectPaths(argument, paths));
        } else if (node instanceof Nodes.Not not) {
            collectPaths(not.operand(), paths);
        } else if (node instanceof Nodes.And and) {
            collectPaths(and.left(), paths);
            collectPaths(and.right(), paths);
        } else if (node instanceof Nodes.Or or) {
            collectPaths(or.left(), paths);
            collectPaths(or.right(), paths);
        } else if (node instanceof Nodes.Compare compare) {
            collectPaths(compare.left(), paths);
            collectPaths(compare.right(), paths);
        }
    }

    private Expression or() {
        Expression left = and();
        while (isOperator("||")) {
            index++;
            left = new Nodes.Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = comparison();
        while (isOperator("&&")) {
            index++;
            left = new Nodes.And(left, comparison());
        }
        return left;
    }

    private Expression comparison() {
        Expression left = unary();
        if (peek().kind() != Kind.OPERATOR || !COMPARISONS.contains(peek().text())) {
            return left;
        }
        String operator = next().text();
        Expression compared = new Nodes.Compare(operator, left, unary());
        Token after = peek();
        if (after.kind() == Kind.OPERATOR && COMPARISONS.contains(after.text())) {
            throw Tokenizer.error("comparisons cannot be chained at column " + after.column()
                    + "; expected '&&' or '||' between two comparisons");
        }
        return compared;
    }

    private Expression unary() {
        if (!isOperator("!")) {
            return primary();
        }
        Token bang = next();
        enter(bang);
        Expression operand = unary();
        depth--;
        return new Nodes.Not(operand);
    }

    private Expression primary() {
        Token token = next();
        switch (token.kind()) {
            case STRING, NUMBER:
                return new Nodes.Literal(token.value());
            case PATH:
                return new Nodes.Path(token.text());
            case NAME:
                return name(token);
            case OPEN:
                enter(token);
                Expression inner = or();
                expect(Kind.CLOSE, "')'");
                depth--;
                return inner;
            default:
                throw Tokenizer.error("expected a value, a path, a function call or '(' at column " + token.column()
                        + ", found " + token.shown());
        }
    }

    private Expression name(Token token) {
        switch (token.text()) {
            case "true":
                return new Nodes.Literal(Boolean.TRUE);
            case "false":
                return new Nodes.Literal(Boolean.FALSE);
            case "null":
                return new Nodes.Literal(null);
            default:
                break;
        }
        Functions.Function function = Functions.find(token.text()).orElseThrow(() -> Tokenizer.error(
                "unknown function '" + token.text() + "' at column " + token.column() + "; expected one of "
                        + Functions.names()));
        if (peek().kind() != Kind.OPEN) {
            throw Tokenizer.error("expected '(' after '" + token.text() + "' at column " + peek().column());
        }
        index++;
        enter(token);
        List<Token> starts = new ArrayList<>();
        List<Expression> arguments = new ArrayList<>();
        if (peek().kind() != Kind.CLOSE) {
            starts.add(peek());
            arguments.add(or());
            while (peek().kind() == Kind.COMMA) {
                index++;
                starts.add(peek());
                arguments.add(or());
            }
        }
        expect(Kind.CLOSE, "',' or ')'");
        depth--;
        int count = arguments.size();
        if (count < function.min() || count > function.max()) {
            throw Tokenizer.error("wrong number of arguments for '" + function.name() + "' at column "
                    + token.column() + "; expected " + function.arity() + ", got " + count);
        }
        checkLiterals(function, arguments, starts);
        return new Nodes.Call(function, arguments);
    }

    /** A literal that fails every evaluation, such as a bad date pattern, fails now instead. */
    private static void checkLiterals(Functions.Function function, List<Expression> arguments, List<Token> starts) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) instanceof Nodes.Literal literal) {
                int argument = i;
                Functions.literalProblem(function.name(), i, literal.value()).ifPresent(problem -> {
                    throw Tokenizer.error("bad argument " + (argument + 1) + " of '" + function.name()
                            + "' at column " + starts.get(argument).column() + ": " + problem);
                });
            }
        }
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw Tokenizer.error("nesting too deep at column " + token.column() + "; expected at most "
                    + MAX_DEPTH + " levels of parentheses, calls and '!'");
        }
    }

    private void expect(Kind kind, String shown) {
        Token token = peek();
        if (token.kind() != kind) {
            throw Tokenizer.error("expected " + shown + " at column " + token.column());
        }
        index++;
    }

    private boolean isOperator(String operator) {
        return peek().kind() == Kind.OPERATOR && peek().text().equals(operator);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        return tokens.get(index++);
    }
}
