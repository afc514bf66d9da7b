package org.openpayloads.org.query;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;
import org.openpayloads.org.soql.CompiledQuery;
import org.openpayloads.org.soql.FieldView;
import org.openpayloads.org.soql.ObjectView;
import org.openpayloads.org.soql.RecordAccessor;
import org.openpayloads.org.soql.RelationshipView;
import org.openpayloads.org.soql.SchemaView;
import org.openpayloads.org.soql.SoqlException;
import org.openpayloads.org.soql.SoqlParser;

/**
 * The org's {@link QueryEngine} on the SOQL package: the schema as its {@link SchemaView}, rows as its
 * {@link RecordAccessor}s. Listed in META-INF/services.
 */
public final class SoqlQueryEngine implements QueryEngine {

    @Override
    public QueryPlan plan(String soql, SchemaSnapshot schema, Clock clock) {
        try {
            CompiledQuery compiled = SoqlParser.parse(soql).compile(new Schema(schema), clock);
            return new Plan(compiled);
        } catch (SoqlException e) {
            throw new QueryException(e.errorCode(), e.getMessage());
        }
    }

    private record Schema(SchemaSnapshot snapshot) implements SchemaView {
        @Override
        public Optional<ObjectView> object(String name) {
            return snapshot.object(name).map(ObjectViewImpl::new);
        }
    }

    private record ObjectViewImpl(ObjectDefinition object) implements ObjectView {
        @Override
        public String name() {
            return object.name();
        }

        @Override
        public Optional<FieldView> field(String name) {
            return object.field(name).map(FieldViewImpl::new);
        }

        @Override
        public Optional<RelationshipView> relationship(String relationshipName) {
            return object.relationship(relationshipName).map(RelationshipViewImpl::new);
        }
    }

    private record FieldViewImpl(FieldDefinition field) implements FieldView {
        @Override
        public String name() {
            return field.name();
        }

        @Override
        public String type() {
            return field.type().describeName();
        }
    }

    private record RelationshipViewImpl(FieldDefinition reference) implements RelationshipView {
        @Override
        public String name() {
            return String.valueOf(reference.relationshipName());
        }

        @Override
        public String targetObject() {
            return String.valueOf(reference.referenceTo());
        }

        @Override
        public String field() {
            return reference.name();
        }
    }

    /** A row as the SOQL package reads it. */
    private record Accessor(QueryRow row) implements RecordAccessor {
        @Override
        public @Nullable Object value(String field) {
            return row.value(field);
        }

        @Override
        public Optional<RecordAccessor> parent(String relationshipName) {
            return row.parent(relationshipName).map(Accessor::new);
        }
    }

    private record Plan(CompiledQuery compiled) implements QueryPlan {
        @Override
        public String object() {
            return compiled.object();
        }

        @Override
        public boolean countOnly() {
            return compiled.countOnly();
        }

        @Override
        public List<String> selectedPaths() {
            return compiled.selectedPaths();
        }

        @Override
        public List<Hint> equalityHints() {
            return compiled.equalityHints().stream().map(h -> new Hint(h.field(), h.value())).toList();
        }

        @Override
        public boolean matches(QueryRow row) {
            return compiled.matches(new Accessor(row));
        }

        @Override
        public Comparator<QueryRow> ordering() {
            Comparator<RecordAccessor> ordering = compiled.ordering();
            return (a, b) -> ordering.compare(new Accessor(a), new Accessor(b));
        }

        @Override
        public OptionalInt limit() {
            return compiled.limit();
        }

        @Override
        public OptionalInt offset() {
            return compiled.offset();
        }

        @Override
        public Set<String> relationshipsUsed() {
            return compiled.relationshipsUsed();
        }
    }
}
