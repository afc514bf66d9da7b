package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayloads.org.soql.Token.Kind;

class TokenTest {

    @Test
    void matchesKeywordsIgnoringCase() {
        Token where = new Token(Kind.IDENTIFIER, "wHeRe", null, 0);

        assertThat(where.isKeyword("WHERE")).isTrue();
        assertThat(where.isKeyword("WHERES")).isFalse();
        assertThat(where.upper()).isEqualTo("WHERE");
        assertThat(new Token(Kind.STRING, "'where'", "where", 0).isKeyword("WHERE")).isFalse();
    }

    @Test
    void quotesItselfForErrorMessages() {
        assertThat(new Token(Kind.IDENTIFIER, "Brien", null, 0).quoted()).isEqualTo("'Brien'");
        assertThat(new Token(Kind.END, "", null, 0).quoted()).isEqualTo("'<EOF>'");
        assertThat(new Token(Kind.STRING, "'" + "x".repeat(200) + "'", "", 0).quoted())
                .isEqualTo("''" + "x".repeat(99) + "...'");
    }
}
