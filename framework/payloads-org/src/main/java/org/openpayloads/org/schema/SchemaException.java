package org.openpayloads.org.schema;

import java.util.List;

/** A schema change that cannot be made, with each problem by the field of the request it is about. */
public final class SchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the change failed. */
    public enum Kind {
        /** The request is wrong; see the problems. */
        INVALID,
        /** The object or field does not exist. */
        NOT_FOUND,
        /** The change contradicts what exists, such as deleting a standard object. */
        CONFLICT
    }

    /** One problem: the request field it is about (such as {@code fields[0].type}) and what was expected. */
    public record Problem(String field, String message) {
    }

    private final Kind kind;
    private final transient List<Problem> problems;

    public SchemaException(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static SchemaException notFound(String message) {
        return new SchemaException(Kind.NOT_FOUND, message, List.of());
    }

    public static SchemaException conflict(String message) {
        return new SchemaException(Kind.CONFLICT, message, List.of());
    }

    public static SchemaException invalid(List<Problem> problems) {
        String message = problems.size() == 1 ? problems.get(0).message()
                : problems.size() + " problems: " + problems.get(0).message() + "; ...";
        return new SchemaException(Kind.INVALID, message, problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
