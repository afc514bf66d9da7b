package org.openpayloads.engine.expr;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Results as a test table writes them: numbers in plain notation, null as "null". */
final class Render {

    private Render() {
    }

    static String of(@Nullable Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }
}
