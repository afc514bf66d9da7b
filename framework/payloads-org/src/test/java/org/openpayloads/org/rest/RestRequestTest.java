package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgRequest;

class RestRequestTest {

    @Test
    void pathSegmentsArePercentDecodedAndPlusStays() {
        RestRequest request = RestRequest.of(new OrgRequest("patch", "/services/data/v62.0/sobjects/Contact/Email/"
                + "a%2Bb%40example.com//", "q=SELECT+Id+FROM+Account&x=%27a%27&flag", Map.of("authorization",
                "Bearer t"), new byte[0], "http://host:1/"));
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.segments()).containsExactly("services", "data", "v62.0", "sobjects", "Contact", "Email",
                "a+b@example.com");
        assertThat(request.parameter("q")).contains("SELECT Id FROM Account");
        assertThat(request.parameter("x")).contains("'a'");
        assertThat(request.parameter("flag")).contains("");
        assertThat(request.header("Authorization")).contains("Bearer t");
        assertThat(request.baseUrl()).isEqualTo("http://host:1");
        assertThat(RestRequest.percentDecode("100%")).isEqualTo("100%");
        assertThat(RestRequest.percentDecode("caf%C3%A9+x")).isEqualTo("café+x");
    }
}
