package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeFormTest {

    @Test
    void flattensNestedMapsAndListsInStripesBracketNotation() {
        Map<String, Object> params = ordered(
                "customer", "cus_NffrFeUfNV2Hib",
                "items", List.of(ordered("price", "price_1", "quantity", 2), ordered("price", "price_2")),
                "metadata", ordered("order_id", "6735", "source", "openpayloads"),
                "expand", List.of("latest_invoice.payment_intent", "customer"),
                "off_session", true);

        assertThat(StripeForm.body(params)).isEqualTo("customer=cus_NffrFeUfNV2Hib"
                + "&items[0][price]=price_1&items[0][quantity]=2&items[1][price]=price_2"
                + "&metadata[order_id]=6735&metadata[source]=openpayloads"
                + "&expand[]=latest_invoice.payment_intent&expand[]=customer"
                + "&off_session=true");
    }

    @Test
    void encodesNamesAndValuesButKeepsBracketsReadable() {
        Map<String, Object> params = ordered("description", "Tea & biscuits = 5 € / day",
                "metadata", ordered("note to self", "a+b [draft]", "empty", ""), "created[gte]", 1700000000);

        assertThat(StripeForm.body(params)).isEqualTo("description=Tea+%26+biscuits+%3D+5+%E2%82%AC+%2F+day"
                + "&metadata[note+to+self]=a%2Bb+%5Bdraft%5D&metadata[empty]=&created[gte]=1700000000");
    }

    @Test
    void sendsNullEmptyMapsAndEmptyListsAsEmptyValuesWhichUnset() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("description", null);
        params.put("metadata", Map.of());
        params.put("tax_id_data", List.of());
        params.put("shipping", ordered("name", "Jenny Rosen", "phone", null));

        assertThat(StripeForm.body(params))
                .isEqualTo("description=&metadata=&tax_id_data=&shipping[name]=Jenny+Rosen&shipping[phone]=");
    }

    @Test
    void writesNumbersPlainlyAndInstantsAsUnixSeconds() {
        Map<String, Object> params = ordered("amount", 2000L, "application_fee_percent", new BigDecimal("1E+1"),
                "rate", new BigDecimal("0.0250"), "trial_end", Instant.parse("2026-12-01T00:00:00Z"),
                "collection_method", Thread.State.NEW);

        assertThat(StripeForm.body(params)).isEqualTo("amount=2000&application_fee_percent=10&rate=0.0250"
                + "&trial_end=1796083200&collection_method=NEW");
    }

    @Test
    void aListHoldingListsIsIndexedAllTheWayDown() {
        Map<String, Object> params = ordered("matrix", List.of(List.of("a", "b"), List.of("c")));

        assertThat(StripeForm.body(params)).isEqualTo("matrix[0][]=a&matrix[0][]=b&matrix[1][]=c");
    }

    @Test
    void aJsonTreeEncodesLikeTheSameMaps() throws Exception {
        JsonNode tree = Json.MAPPER.readTree("""
                {"customer": "cus_1", "items": [{"price": "price_1", "quantity": 2}], "metadata": {"order": "42"},
                 "expand": ["customer"], "amount": 12.50, "description": null}
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        tree.properties().forEach(field -> params.put(field.getKey(), field.getValue()));

        assertThat(StripeForm.body(params)).isEqualTo("customer=cus_1&items[0][price]=price_1&items[0][quantity]=2"
                + "&metadata[order]=42&expand[]=customer&amount=12.50&description=");
    }

    @Test
    void refusesWhatItCannotEncodeNamingTheParameter() {
        assertThatThrownBy(() -> StripeForm.body(ordered("metadata", ordered("when", new java.util.Date(0)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'metadata[when]' is a java.util.Date; expected text, a number, a boolean, an "
                        + "enum, an Instant, a map, a list or a JsonNode");
        assertThatThrownBy(() -> StripeForm.body(ordered(" ", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A Stripe parameter has a blank name; expected names such as 'metadata' or 'amount'");
        assertThatThrownBy(() -> StripeForm.body(ordered("metadata", Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'metadata' has a key '1'; expected non-blank text keys without [ or ]");
        assertThatThrownBy(() -> StripeForm.body(ordered("metadata", ordered("a[b]", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'metadata' has a key 'a[b]'; expected non-blank text keys without [ or ]");
    }

    @Test
    void aQueryStringPercentEncodesBrackets() {
        assertThat(StripeForm.query(List.of(new StripeForm.Pair("created[gt]", "1700000000"),
                new StripeForm.Pair("expand[]", "data.customer"), new StripeForm.Pair("email", "a+b@example.com"))))
                .isEqualTo("created%5Bgt%5D=1700000000&expand%5B%5D=data.customer&email=a%2Bb%40example.com");
    }

    @Test
    void pathsEncodeEachIdAsOneSegment() {
        assertThat(StripeForm.path("/v1/customers/{id}", "cus_NffrFeUfNV2Hib")).isEqualTo("/v1/customers/cus_NffrFeUfNV2Hib");
        assertThat(StripeForm.path("/v1/customers/{customer}/sources/{id}", "cus_1", "card_2"))
                .isEqualTo("/v1/customers/cus_1/sources/card_2");
        assertThat(StripeForm.path("/v1/customers/{id}", "cus x/../../v1/charges?limit=1"))
                .isEqualTo("/v1/customers/cus%20x%2F..%2F..%2Fv1%2Fcharges%3Flimit%3D1");
        assertThat(StripeForm.path("/v1/balance")).isEqualTo("/v1/balance");
    }

    @Test
    void pathsRefuseIdsThatAreNoIdsAndMiscountedPlaceholders() {
        for (String id : Arrays.asList("", " ", ".", "..", null)) {
            assertThatThrownBy(() -> StripeForm.path("/v1/customers/{id}", id))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("; expected an id such as cus_NffrFeUfNV2Hib");
        }
        assertThatThrownBy(() -> StripeForm.path("/v1/customers/{id}")).hasMessage(
                "Path template '/v1/customers/{id}' has more placeholders than the 0 ids given");
        assertThatThrownBy(() -> StripeForm.path("/v1/customers/{id}", "a", "b")).hasMessage(
                "Path template '/v1/customers/{id}' has 1 placeholders but 2 ids were given");
        assertThatThrownBy(() -> StripeForm.path("/v1/customers/{id", "a")).hasMessage(
                "Path template '/v1/customers/{id' has a '{' without '}'");
    }

    /** A map in the order given; values may be null. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
