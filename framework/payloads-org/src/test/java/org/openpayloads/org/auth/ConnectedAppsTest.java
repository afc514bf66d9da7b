package org.openpayloads.org.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting.OpenOrg;

@Tag("database")
class ConnectedAppsTest {

    @Test
    void anAppAuthenticatesWithItsSecretWhichIsNeverStored() throws Exception {
        try (OpenOrg open = OpenOrg.create()) {
            ConnectedApps apps = open.org.connectedApps();
            ConnectedApps.NewConnectedApp made = apps.create("Billing");
            assertThat(made.toString()).doesNotContain(made.clientSecret()).contains("[hidden]");
            assertThat(apps.authenticate(made.app().clientId(), made.clientSecret())).contains(made.app());
            assertThat(apps.authenticate(made.app().clientId(), "wrong")).isEmpty();
            assertThat(apps.authenticate("nobody", made.clientSecret())).isEmpty();
            assertThat(apps.list()).containsExactly(made.app());
            try (var connection = open.database.connect();
                 var rows = connection.createStatement().executeQuery("SELECT secret_hash FROM org_connected_app")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isNotEqualTo(made.clientSecret()).hasSize(64);
            }
            assertThat(apps.delete(made.app().clientId())).isTrue();
            assertThat(apps.delete(made.app().clientId())).isFalse();
            assertThat(apps.find(made.app().clientId())).isEmpty();
            assertThatThrownBy(() -> apps.create(" ")).hasMessage("Connected app name was ' '; expected 1 to 255 "
                    + "characters");
        }
    }

    @Test
    void ensureMakesOrAlignsAnAppWithAGivenIdAndSecret() {
        try (OpenOrg open = OpenOrg.create()) {
            ConnectedApps apps = open.org.connectedApps();
            String secret = "derived-secret-0123456789";
            ConnectedApps.ConnectedApp made = apps.ensure("Server", "openpayloads-server", secret);
            assertThat(apps.authenticate("openpayloads-server", secret)).contains(made);
            ConnectedApps.ConnectedApp again = apps.ensure("Server v2", "openpayloads-server", secret + "-rotated");
            assertThat(again.createdAt()).isEqualTo(made.createdAt());
            assertThat(apps.list()).containsExactly(again);
            assertThat(apps.authenticate("openpayloads-server", secret)).isEmpty();
            assertThat(apps.authenticate("openpayloads-server", secret + "-rotated")).isPresent();
            open.reopen();
            assertThat(open.org.connectedApps().ensure("Server v2", "openpayloads-server", secret + "-rotated"))
                    .isEqualTo(again);
            assertThat(open.org.connectedApps().list()).hasSize(1);
            assertThatThrownBy(() -> apps.ensure("S", "id", "short")).hasMessage("Client secret of id has 5 "
                    + "characters ([hidden]); expected at least 16").hasMessageNotContaining("short");
            assertThatThrownBy(() -> apps.ensure("S", " ", secret)).hasMessageContaining("Client id was ' '");
        }
    }
}
