package org.openpayloads.engine.config;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldErrors;

/** The rules for names: API names, object and field names, labels. */
public final class Names {

    static final int API_NAME_MAX = 80;
    static final int LABEL_MAX = 255;
    static final int DESCRIPTION_MAX = 4000;
    static final int EXPRESSION_MAX = 4000;
    static final int VALUE_MAX = 32_000;

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern SOBJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern FIELD_REFERENCE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private Names() {
    }

    /** Whether {@code value} could name an integration, payload or other part: what a URL may address. */
    public static boolean isApiName(String value) {
        return value.length() <= API_NAME_MAX && API_NAME.matcher(value).matches();
    }

    static void apiName(FieldErrors errors, String field, @Nullable String value) {
        if (required(errors, field, value)) {
            if (value.length() > API_NAME_MAX) {
                errors.add(field, "is " + value.length() + " characters long; expected at most " + API_NAME_MAX);
            } else if (!API_NAME.matcher(value).matches()) {
                errors.add(field, "'" + value + "' is not URL-safe; expected letters, digits, '-' and '_', "
                        + "starting with a letter or digit");
            }
        }
    }

    static void label(FieldErrors errors, String field, @Nullable String value) {
        if (required(errors, field, value)) {
            maxLength(errors, field, value, LABEL_MAX);
        }
    }

    static void objectName(FieldErrors errors, String field, @Nullable String value) {
        if (required(errors, field, value)) {
            pattern(errors, field, value, SOBJECT_NAME, "an object API name such as Account or Stripe_Charge__c");
        }
    }

    static void fieldName(FieldErrors errors, String field, @Nullable String value) {
        if (required(errors, field, value)) {
            pattern(errors, field, value, SOBJECT_NAME, "a field API name such as Name or Stripe_Customer_Id__c");
        }
    }

    /** A field name, or a path through parent relationships such as {@code Account.Name}. */
    static void fieldReference(FieldErrors errors, String field, @Nullable String value) {
        if (required(errors, field, value)) {
            pattern(errors, field, value, FIELD_REFERENCE, "a field such as Name or Account.Name");
        }
    }

    static void maxLength(FieldErrors errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "is " + value.length() + " characters long; expected at most " + max);
        }
    }

    /** Adds an error and answers false when {@code value} is null or blank. */
    static boolean required(FieldErrors errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
            return false;
        }
        return true;
    }

    private static void pattern(FieldErrors errors, String field, String value, Pattern pattern, String expected) {
        if (value.length() > API_NAME_MAX) {
            errors.add(field, "is " + value.length() + " characters long; expected at most " + API_NAME_MAX);
        } else if (!pattern.matcher(value).matches()) {
            errors.add(field, "'" + value + "' is not valid; expected " + expected);
        }
    }
}
