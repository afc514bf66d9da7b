package org.openpayloads.org.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.SchemaException.Problem;

/** Checks custom objects and fields, collecting every problem, and fills in defaults. */
final class SchemaRules {

    private static final Pattern CUSTOM_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__c");
    private static final Pattern RELATIONSHIP_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__r");
    private static final int MAX_NAME = 43;
    static final int MAX_TEXT_AREA = 131_072;

    private SchemaRules() {
    }

    /** A custom object or field name: letters, digits and single underscores, ending in __c. */
    static void checkCustomName(@Nullable String name, String field, String what, List<Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new Problem(field, what + " name is required; expected a name ending in __c, such as "
                    + "Invoice__c"));
        } else if (!CUSTOM_NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            problems.add(new Problem(field, "Invalid " + what + " name '" + name + "': expected a letter, then "
                    + "letters, digits or single underscores, ending in __c, at most " + MAX_NAME + " characters"));
        }
    }

    static String defaultLabel(String name) {
        String base = name.endsWith("__c") ? name.substring(0, name.length() - 3) : name;
        return base.replace('_', ' ');
    }

    static void checkLabel(@Nullable String label, String field, List<Problem> problems) {
        if (label != null && (label.isBlank() || label.length() > 255)) {
            problems.add(new Problem(field, "Invalid label '" + label + "': expected 1 to 255 characters"));
        }
    }

    /**
     * The definition of a new custom field, or empty with the problems added.
     *
     * @param childPlural the plural label of the object the field is on, for the child relationship name
     */
    static Optional<FieldDefinition> newField(FieldSpec spec, String prefix, ObjectContext object,
                                              SchemaSnapshot schema, List<Problem> problems) {
        int before = problems.size();
        checkCustomName(spec.name(), prefix + "name", "field", problems);
        checkLabel(spec.label(), prefix + "label", problems);
        Optional<FieldType> type = type(spec.type(), prefix + "type", problems);
        if (type.isEmpty() || problems.size() > before) {
            return Optional.empty();
        }
        String name = Objects.requireNonNull(spec.name());
        if (object.fieldNames().contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(new Problem(prefix + "name", "Field " + name + " already exists on " + object.name()));
        }
        FieldType t = type.get();
        int length = length(spec, t, prefix, problems);
        int precision = spec.precision() == null ? (t.isNumber() ? 18 : 0) : spec.precision();
        int scale = spec.scale() == null ? 0 : spec.scale();
        checkNumbers(spec, t, precision, scale, prefix, problems);
        List<String> picklist = picklist(spec, t, prefix, problems);
        boolean externalId = Boolean.TRUE.equals(spec.externalId());
        boolean unique = Boolean.TRUE.equals(spec.unique());
        if ((externalId || unique) && !(t == FieldType.STRING || t == FieldType.EMAIL || t == FieldType.INT
                || t == FieldType.DOUBLE)) {
            problems.add(new Problem(prefix + (externalId ? "externalId" : "unique"), "Field " + name + " of type "
                    + t.describeName() + " cannot be " + (externalId ? "an external id" : "unique")
                    + "; expected type string, email, int or double"));
        }
        Reference reference = reference(spec, t, name, prefix, object, schema, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        boolean restricted = t == FieldType.PICKLIST && !Boolean.FALSE.equals(spec.restrictedPicklist());
        boolean required = Boolean.TRUE.equals(spec.required()) || reference.master();
        return Optional.of(new FieldDefinition(name, spec.label() == null ? defaultLabel(name) : spec.label(), t,
                length, t.isNumber() ? precision : 0, t.isNumber() ? scale : 0, required, unique || externalId,
                externalId, externalId, true, false, picklist, restricted, reference.to(), reference.relationship(),
                reference.children(), reference.master()));
    }

    /** The object a field is added to: its name, plural label and the names already taken on it. */
    record ObjectContext(String name, String labelPlural, Set<String> fieldNames, Set<String> relationshipNames) {
    }

    private record Reference(@Nullable String to, @Nullable String relationship, @Nullable String children,
                             boolean master) {
    }

    private static Optional<FieldType> type(@Nullable String type, String field, List<Problem> problems) {
        Optional<FieldType> found = type == null ? Optional.empty() : FieldType.ofDescribeName(type);
        if (found.isEmpty() || found.get() == FieldType.ID) {
            problems.add(new Problem(field, (type == null ? "Field type is required" : "Invalid field type '" + type
                    + "'") + "; expected one of " + FieldType.customTypeNames()));
            return Optional.empty();
        }
        return found;
    }

    private static int length(FieldSpec spec, FieldType t, String prefix, List<Problem> problems) {
        if (!t.hasLength()) {
            if (spec.length() != null) {
                problems.add(new Problem(prefix + "length", "A " + t.describeName() + " field has no length; "
                        + "expected length only on string, textarea, email, phone, url or picklist fields"));
            }
            return t == FieldType.REFERENCE ? 18 : 0;
        }
        int max = t == FieldType.TEXTAREA ? MAX_TEXT_AREA : 255;
        int length = spec.length() == null ? (t == FieldType.TEXTAREA ? 32_768 : t == FieldType.PHONE ? 40 : 255)
                : spec.length();
        if (length < 1 || length > max) {
            problems.add(new Problem(prefix + "length", "Invalid length " + length + " for a " + t.describeName()
                    + " field; expected 1 to " + max));
        }
        return length;
    }

    private static void checkNumbers(FieldSpec spec, FieldType t, int precision, int scale, String prefix,
                                     List<Problem> problems) {
        if (!t.isNumber()) {
            if (spec.precision() != null || spec.scale() != null) {
                problems.add(new Problem(prefix + (spec.precision() != null ? "precision" : "scale"),
                        "Precision and scale apply to number fields only; this field is " + t.describeName()));
            }
            return;
        }
        if (precision < 1 || precision > 18) {
            problems.add(new Problem(prefix + "precision", "Invalid precision " + precision + "; expected 1 to 18"));
        }
        int maxScale = t == FieldType.INT ? 0 : Math.max(0, precision);
        if (scale < 0 || scale > maxScale) {
            problems.add(new Problem(prefix + "scale", "Invalid scale " + scale + " for a " + t.describeName()
                    + " field of precision " + precision + "; expected 0 to " + maxScale));
        }
    }

    private static List<String> picklist(FieldSpec spec, FieldType t, String prefix, List<Problem> problems) {
        List<String> values = spec.picklistValues() == null ? List.of() : spec.picklistValues();
        if (t != FieldType.PICKLIST) {
            if (!values.isEmpty()) {
                problems.add(new Problem(prefix + "picklistValues", "Only picklist fields have picklist values; "
                        + "this field is " + t.describeName()));
            }
            return List.of();
        }
        if (values.isEmpty()) {
            problems.add(new Problem(prefix + "picklistValues", "A picklist field needs at least one value"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > 255) {
                problems.add(new Problem(prefix + "picklistValues[" + i + "]", "Invalid picklist value '" + value
                        + "': expected 1 to 255 characters"));
            } else if (!seen.add(value.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(prefix + "picklistValues[" + i + "]", "Picklist value '" + value
                        + "' is listed twice"));
            }
        }
        return values;
    }

    private static Reference reference(FieldSpec spec, FieldType t, String name, String prefix, ObjectContext object,
                                       SchemaSnapshot schema, List<Problem> problems) {
        boolean master = Boolean.TRUE.equals(spec.masterDetail());
        if (t != FieldType.REFERENCE) {
            if (spec.referenceTo() != null || spec.relationshipName() != null || master) {
                problems.add(new Problem(prefix + "referenceTo", "Only reference fields point at another object; "
                        + "this field is " + t.describeName()));
            }
            return new Reference(null, null, null, false);
        }
        String to = spec.referenceTo();
        Optional<ObjectDefinition> parent = to == null ? Optional.empty() : schema.object(to);
        boolean self = to != null && to.equalsIgnoreCase(object.name());
        if (parent.isEmpty() && !self) {
            problems.add(new Problem(prefix + "referenceTo", (to == null ? "A reference field needs referenceTo"
                    : "No object '" + to + "' to reference") + "; expected the name of an existing object"));
            return new Reference(null, null, null, master);
        }
        String base = name.substring(0, name.length() - 3);
        String relationship = spec.relationshipName() == null ? base + "__r" : spec.relationshipName();
        if (!RELATIONSHIP_NAME.matcher(relationship).matches()) {
            problems.add(new Problem(prefix + "relationshipName", "Invalid relationship name '" + relationship
                    + "': expected a name ending in __r, such as " + base + "__r"));
        } else if (object.relationshipNames().contains(relationship.toLowerCase(Locale.ROOT))) {
            problems.add(new Problem(prefix + "relationshipName", "Relationship " + relationship
                    + " already exists on " + object.name()));
        }
        String children = object.labelPlural().replaceAll("[^A-Za-z0-9]", "") + "__r";
        String target = self ? object.name() : parent.get().name();
        return new Reference(target, relationship, children.length() > 3 ? children : base + "s__r", master);
    }
}
