package org.openpayloads.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminPathsTest {

    @Test
    void segmentsAreDecodedLowercasedAndNormalized() {
        assertThat(AdminPaths.segments(TestRequests.request("GET", "/API//v1/./x;a=b/../Integrations%2Dx").getUriInfo()))
                .containsExactly("api", "v1", "integrations-x");
    }

    @Test
    void theAdminApiIsEverythingUnderApiV1() {
        assertThat(AdminPaths.isAdmin(List.of("api", "v1"))).isTrue();
        assertThat(AdminPaths.isAdmin(List.of("api", "v1", "jobs"))).isTrue();
        assertThat(AdminPaths.isAdmin(List.of("api"))).isFalse();
        assertThat(AdminPaths.isAdmin(List.of("api", "v2", "jobs"))).isFalse();
        assertThat(AdminPaths.isAdmin(List.of())).isFalse();
    }
}
