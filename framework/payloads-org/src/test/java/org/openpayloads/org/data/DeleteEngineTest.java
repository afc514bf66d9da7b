package org.openpayloads.org.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;

@Tag("database")
class DeleteEngineTest {

    private static final String BASE = OrgTesting.BASE;
    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static String account(String name) {
        return org.json("POST", BASE + "/sobjects/Account", "{\"Name\": \"" + name + "\"}").get("id").asText();
    }

    @Test
    void eachIdGetsItsResultAndBadOnesNameTheProblem() {
        String a = account("A");
        String b = account("B");
        JsonNode results = org.json("DELETE", BASE + "/composite/sobjects?ids=" + a + "," + a.substring(0, 15)
                + ",nope,001000000000999AAA," + b, "");
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(1).at("/errors/0/statusCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(results.get(2).at("/errors/0/statusCode").asText()).isEqualTo("MALFORMED_ID");
        assertThat(results.get(2).at("/errors/0/message").asText()).isEqualTo("malformed id nope");
        assertThat(results.get(3).at("/errors/0/statusCode").asText()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(results.get(4).get("success").asBoolean()).isTrue();
        assertThat(org.call("GET", BASE + "/sobjects/Account/" + b, "").status()).isEqualTo(404);
    }

    @Test
    void allOrNoneKeepsEverythingWhenOneIdIsBad() {
        String a = account("Kept");
        JsonNode results = org.json("DELETE", BASE + "/composite/sobjects?allOrNone=true&ids=" + a
                + ",001000000000999AAA", "");
        assertThat(results.findValuesAsText("statusCode")).containsExactly("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "ENTITY_IS_DELETED");
        assertThat(org.call("GET", BASE + "/sobjects/Account/" + a, "").status()).isEqualTo(200);
    }

    @Test
    void childAccountsLoseTheirParentAndKeepTheirOtherValues() {
        String parent = account("Parent");
        String child = org.json("POST", BASE + "/sobjects/Account", "{\"Name\": \"Child\", \"ParentId\": \"" + parent
                + "\", \"Rating\": \"Warm\"}").get("id").asText();
        assertThat(org.call("DELETE", BASE + "/sobjects/Account/" + parent, "").status()).isEqualTo(204);
        JsonNode kept = org.json("GET", BASE + "/sobjects/Account/" + child, "");
        assertThat(kept.get("ParentId").isNull()).isTrue();
        assertThat(kept.get("Rating").asText()).isEqualTo("Warm");
        // The cleared reference left the index too: no query finds the child by its old parent.
        assertThat(org.json("GET", BASE + "/query?q=SELECT+Id+FROM+Account+WHERE+ParentId='" + parent + "'", "")
                .get("totalSize").asInt()).isZero();
    }

    @Test
    void aRecordOfAnotherObjectIsNotFoundOnThisOnesPath() {
        String a = account("Typed");
        assertThat(org.call("DELETE", BASE + "/sobjects/Contact/" + a, "").status()).isEqualTo(404);
        assertThat(org.call("DELETE", BASE + "/sobjects/Contact/Email/nobody@example.org", "").status())
                .isEqualTo(404);
    }
}
