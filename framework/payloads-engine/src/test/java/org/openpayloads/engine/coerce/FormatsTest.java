package org.openpayloads.engine.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://pay.stripe.com/receipts/test_receipt", "http://example.com", "HTTPS://a.b:8443/x?y=1&z=2",
            "https://example.com/a-b_c.d~e/", "http://localhost:8080?q="})
    void theFastPathTakesPlainUrls(String url) {
        assertThat(Formats.isPlainHttpUrl(url)).isTrue();
        assertThat(acceptedByUri(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "https://", "https://.example.com", "https://exa mple.com",
            "https://example.com:/x", "https://example.com:123456", "https://example.com/%zz", "https://example.com#f",
            "https://a.com/x?y=1?z", "mailto:a@b.c", "https://user@example.com"})
    void leavesEverythingElseToTheUriParser(String url) {
        assertThat(Formats.isPlainHttpUrl(url)).isFalse();
    }

    /** Whatever the fast path accepts, the URI parser accepts too: checked on a million random candidates. */
    @Test
    void neverAcceptsWhatTheUriParserRefuses() {
        Random random = new Random(20261125);
        String alphabet = "aZ09.-_~/?=&:%#@ [ ]\\\"";
        int accepted = 0;
        for (int n = 0; n < 1_000_000; n++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = url.toString();
            if (Formats.isPlainHttpUrl(candidate)) {
                accepted++;
                assertThat(acceptedByUri(candidate)).as(candidate).isTrue();
            }
        }
        assertThat(accepted).as("candidates the fast path took").isGreaterThan(5_000);
    }

    private static boolean acceptedByUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && uri.getScheme().toLowerCase().startsWith("http");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
