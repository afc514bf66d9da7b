package org.openpayloads.engine.coerce;

import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.engine.model.TooLong;

/** One normalised value on its way to one field: knows how to explain its own failure. */
record Attempt(Object value, FieldDescription field, CoercionContext context) {

    Attempt of(Object other) {
        return new Attempt(other, field, context);
    }

    /** The text, if it fits the field's length; cut to fit only where {@code mayTruncate} and the context allow. */
    String fit(String text, boolean mayTruncate) {
        int max = field.length();
        if (max == 0 || text.length() <= max) {
            return text;
        }
        if (mayTruncate && context.onTooLong() == TooLong.TRUNCATE) {
            return Texts.cut(text, max);
        }
        throw fail("at most " + max + " characters, got " + text.length());
    }

    CoercionException fail(String expected) {
        // Never echo what an encrypted field would have held.
        String shown = field.type().equalsIgnoreCase("encryptedstring") ? "[hidden]" : "'" + Values.show(value) + "'";
        String element = context.elementPath() == null ? "" : " (element " + context.elementPath() + ")";
        return new CoercionException("Invalid value " + shown + " for target field '" + field.name() + "' of "
                + context.object() + ": expected " + expected + element);
    }
}
