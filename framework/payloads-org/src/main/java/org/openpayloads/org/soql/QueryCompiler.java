package org.openpayloads.org.soql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.soql.Condition.Operator;

/** Turns a {@link SoqlQuery} into a {@link CompiledQuery}: resolves names, checks types, builds predicates. */
final class QueryCompiler {

    private static final String NO_SUCH_OBJECT = "sObject type '%s' is not supported. If you are attempting to use"
            + " a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the"
            + " describe call for the appropriate names.";
    private static final String NO_SUCH_COLUMN = "No such column '%s' on entity '%s'. If you are attempting to use"
            + " a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL"
            + " or the describe call for the appropriate names.";
    private static final String NO_SUCH_RELATIONSHIP = "Didn't understand relationship '%s' in field path. If you"
            + " are attempting to use a custom relationship, be sure to append the '__r' after the custom"
            + " relationship name. Please reference your WSDL or the describe call for the appropriate names.";

    /** A test of one value read from a record; null when the record has none. */
    private interface ValueTest {
        boolean test(@Nullable Object value);
    }

    private final SoqlQuery query;
    private final SchemaView schema;
    private final ObjectView root;
    private final LocalDate today;
    private final ZoneId zone;
    private final Set<String> relationships = new LinkedHashSet<>();

    QueryCompiler(SoqlQuery query, SchemaView schema, Clock clock) {
        this.query = query;
        this.schema = schema;
        this.root = schema.object(query.object()).orElseThrow(() -> SoqlException.at(SoqlException.INVALID_TYPE,
                query.source(), query.objectPosition(), String.format(NO_SUCH_OBJECT, query.object())));
        this.today = LocalDate.now(clock);
        this.zone = clock.getZone();
    }

    CompiledQuery compile() {
        List<String> selected = selected();
        Predicate<RecordAccessor> filter = query.where().map(this::condition).orElse(record -> true);
        Comparator<RecordAccessor> ordering = ordering();
        List<EqualityHint> hints = hints();
        return new CompiledQuery(root.name(), query.countOnly(), selected, hints, filter, ordering, query.limit(),
                query.offset(), relationships);
    }

    private List<String> selected() {
        List<String> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldPath field : query.fields()) {
            ResolvedPath path = resolve(field);
            if (!seen.add(path.path().toLowerCase(Locale.ROOT))) {
                throw invalidField(field.position(), "duplicate field selected: " + path.field());
            }
            paths.add(path.path());
        }
        return paths;
    }

    private ResolvedPath resolve(FieldPath written) {
        List<String> segments = written.segments();
        int first = 0;
        // SOQL lets a path start with the queried object's own name: SELECT Account.Name FROM Account.
        if (segments.size() > 1 && segments.get(0).equalsIgnoreCase(root.name())
                && root.relationship(segments.get(0)).isEmpty()) {
            first = 1;
        }
        ObjectView current = root;
        List<String> followed = new ArrayList<>();
        for (String name : segments.subList(first, segments.size() - 1)) {
            RelationshipView relationship = current.relationship(name).orElseThrow(() ->
                    invalidField(written.position(), String.format(NO_SUCH_RELATIONSHIP, name)));
            String from = current.name();
            current = schema.object(relationship.targetObject()).orElseThrow(() -> new IllegalStateException(
                    "Relationship " + relationship.name() + " of " + from + " targets " + relationship.targetObject()
                            + ", which the schema does not have"));
            followed.add(relationship.name());
            relationships.add(String.join(".", followed));
        }
        String name = segments.get(segments.size() - 1);
        ObjectView owner = current;
        FieldView field = owner.field(name).orElseThrow(() ->
                invalidField(written.position(), String.format(NO_SUCH_COLUMN, name, owner.name())));
        List<String> canonical = new ArrayList<>(followed);
        canonical.add(field.name());
        return new ResolvedPath(String.join(".", canonical), followed, field.name(), field.type(),
                FieldKind.of(field.type()));
    }

    private Predicate<RecordAccessor> condition(Condition condition) {
        if (condition instanceof Condition.And and) {
            List<Predicate<RecordAccessor>> operands = and.operands().stream().map(this::condition).toList();
            return record -> operands.stream().allMatch(operand -> operand.test(record));
        }
        if (condition instanceof Condition.Or or) {
            List<Predicate<RecordAccessor>> operands = or.operands().stream().map(this::condition).toList();
            return record -> operands.stream().anyMatch(operand -> operand.test(record));
        }
        if (condition instanceof Condition.Not not) {
            return condition(not.operand()).negate();
        }
        if (condition instanceof Condition.Comparison comparison) {
            ResolvedPath path = filterable(comparison.field());
            ValueTest test = test(comparison.field(), path, comparison.operator(), comparison.value());
            return record -> test.test(path.read(record));
        }
        Condition.InList in = (Condition.InList) condition;
        ResolvedPath path = filterable(in.field());
        Operator operator = in.negated() ? Operator.NOT_EQUALS : Operator.EQUALS;
        List<ValueTest> tests = in.values().stream().map(value -> test(in.field(), path, operator, value)).toList();
        if (in.negated()) {
            return record -> {
                Object value = path.read(record);
                return tests.stream().allMatch(test -> test.test(value));
            };
        }
        return record -> {
            Object value = path.read(record);
            return tests.stream().anyMatch(test -> test.test(value));
        };
    }

    private ResolvedPath filterable(FieldPath written) {
        ResolvedPath path = resolve(written);
        if (path.kind() == FieldKind.UNSUPPORTED) {
            throw invalidField(written.position(), "field '" + path.field() + "' can not be filtered in a query call:"
                    + " the embedded org does not filter on " + path.type() + " fields");
        }
        return path;
    }

    private ValueTest test(FieldPath written, ResolvedPath path, Operator operator, Literal literal) {
        FieldKind kind = path.kind();
        if (operator == Operator.LIKE) {
            if (kind != FieldKind.TEXT) {
                throw invalidField(written.position(), "invalid operator on field '" + written.text()
                        + "': LIKE works on string fields, and '" + path.field() + "' is of type " + path.type());
            }
            if (literal.kind() != Literal.Kind.STRING) {
                throw wrongType(written, kind);
            }
            LikePattern pattern = LikePattern.compile(literal.text());
            return value -> value != null && pattern.matches((String) value);
        }
        if (literal.kind() == Literal.Kind.RELATIVE_DATE) {
            if (kind != FieldKind.DATE && kind != FieldKind.DATETIME) {
                throw wrongType(written, kind);
            }
            RelativeDate date = (RelativeDate) literal.value();
            return dateRange(operator, date.first(today), date.last(today));
        }
        if (kind == FieldKind.BOOLEAN && operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
            throw invalidField(written.position(), "invalid operator on boolean field '" + written.text()
                    + "': use = or !=");
        }
        if (literal.kind() == Literal.Kind.NULL) {
            // Salesforce checkboxes are never null: = null means = false.
            return kind == FieldKind.BOOLEAN ? compare(operator, kind, Boolean.FALSE) : nullTest(operator, literal);
        }
        Object expected = kind.convert(literal);
        if (expected == null) {
            throw wrongType(written, kind);
        }
        return compare(operator, kind, expected);
    }

    private ValueTest nullTest(Operator operator, Literal literal) {
        return switch (operator) {
            case EQUALS -> value -> value == null;
            case NOT_EQUALS -> value -> value != null;
            default -> throw SoqlException.malformed(query.source(), literal.position(),
                    "null can only be compared with = or !=, not " + operator.symbol());
        };
    }

    private static ValueTest compare(Operator operator, FieldKind kind, Object expected) {
        return switch (operator) {
            case EQUALS -> value -> value != null && kind.same(value, expected);
            case NOT_EQUALS -> value -> value != null && !kind.same(value, expected);
            case LESS -> value -> value != null && kind.compare(value, expected) < 0;
            case GREATER -> value -> value != null && kind.compare(value, expected) > 0;
            case LESS_OR_EQUAL -> value -> value != null && kind.compare(value, expected) <= 0;
            case GREATER_OR_EQUAL -> value -> value != null && kind.compare(value, expected) >= 0;
            case LIKE -> throw new IllegalStateException("LIKE is compiled apart");
        };
    }

    /** A relative date is a range of days: = means within it, < before its first day, > after its last. */
    private ValueTest dateRange(Operator operator, LocalDate first, LocalDate last) {
        return value -> {
            if (value == null) {
                return false;
            }
            LocalDate day = value instanceof OffsetDateTime dateTime
                    ? dateTime.atZoneSameInstant(zone).toLocalDate() : (LocalDate) value;
            boolean within = !day.isBefore(first) && !day.isAfter(last);
            return switch (operator) {
                case EQUALS -> within;
                case NOT_EQUALS -> !within;
                case LESS -> day.isBefore(first);
                case LESS_OR_EQUAL -> !day.isAfter(last);
                case GREATER -> day.isAfter(last);
                case GREATER_OR_EQUAL -> !day.isBefore(first);
                case LIKE -> throw new IllegalStateException("LIKE is compiled apart");
            };
        };
    }

    private Comparator<RecordAccessor> ordering() {
        Comparator<RecordAccessor> ordering = (a, b) -> 0;
        for (OrderBy item : query.orderBy()) {
            ResolvedPath path = resolve(item.field());
            if (path.kind() == FieldKind.UNSUPPORTED) {
                throw invalidField(item.field().position(), "field '" + path.field()
                        + "' can not be sorted in a query call: the embedded org does not sort on " + path.type()
                        + " fields");
            }
            ordering = ordering.thenComparing(order(path, item));
        }
        return ordering;
    }

    private static Comparator<RecordAccessor> order(ResolvedPath path, OrderBy item) {
        int direction = item.direction() == OrderBy.Direction.DESC ? -1 : 1;
        int nullFirst = item.nulls() == OrderBy.Nulls.FIRST ? -1 : 1;
        return (a, b) -> {
            Object x = path.read(a);
            Object y = path.read(b);
            if (x == null || y == null) {
                return x == null && y == null ? 0 : x == null ? nullFirst : -nullFirst;
            }
            return direction * Integer.signum(path.kind().compare(x, y));
        };
    }

    /** Top-level {@code field = literal} conditions on the object's own fields, ANDed with the rest. */
    private List<EqualityHint> hints() {
        if (query.where().isEmpty()) {
            return List.of();
        }
        Condition where = query.where().get();
        List<Condition> conjuncts = where instanceof Condition.And and ? and.operands() : List.of(where);
        List<EqualityHint> hints = new ArrayList<>();
        for (Condition conjunct : conjuncts) {
            if (conjunct instanceof Condition.Comparison comparison
                    && comparison.operator() == Operator.EQUALS) {
                ResolvedPath path = resolve(comparison.field());
                Object value = path.kind().convert(comparison.value());
                if (value != null && path.relationships().isEmpty() && path.kind() != FieldKind.BOOLEAN
                        && !(path.kind() == FieldKind.ID && ((String) value).length() == 15)) {
                    // A 15-character id matches an 18-character one, which an exact index would miss.
                    hints.add(new EqualityHint(path.field(), value));
                }
            }
        }
        return hints;
    }

    private SoqlException wrongType(FieldPath written, FieldKind kind) {
        return invalidField(written.position(), "value of filter criterion for field '" + written.text()
                + "' must be of type " + kind.soapName() + " and should " + (kind.quoted() ? "" : "not ")
                + "be enclosed in quotes");
    }

    private SoqlException invalidField(int position, String reason) {
        return SoqlException.at(SoqlException.INVALID_FIELD, query.source(), position, reason);
    }
}
