package org.openpayloads.org.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;
import org.openpayloads.org.db.Transactions;
import org.openpayloads.org.db.OrgDatabase;
import org.openpayloads.org.db.OrgHibernate;

@Tag("database")
class SessionsTest {

    @Test
    void aSessionLastsItsTimeAndOnlyItsHashIsStored() throws Exception {
        try (OpenOrg open = OpenOrg.create();
             var factory = OrgHibernate.sessionFactory(open.dataSource, OrgDatabase.of(open.dataSource))) {
            Sessions sessions = new Sessions(new Transactions(factory), open.clock, Duration.ofMinutes(30),
                    open.org.orgId());
            Sessions.OrgSession session = sessions.issue("005000000000001AAA");
            assertThat(session.token()).startsWith(open.org.orgId().substring(0, 15) + "!");
            assertThat(session.toString()).doesNotContain(session.token());
            assertThat(sessions.userOf(session.token())).contains("005000000000001AAA");
            assertThat(sessions.userOf("unknown")).isEmpty();
            // Another instance (a restarted server) finds it in the database by its hash.
            Sessions restarted = new Sessions(new Transactions(factory), open.clock, Duration.ofMinutes(30),
                    open.org.orgId());
            assertThat(restarted.userOf(session.token())).contains("005000000000001AAA");
            try (var connection = open.database.connect();
                 var rows = connection.createStatement().executeQuery("SELECT token_hash FROM org_session")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(Secrets.sha256(session.token())).doesNotContain("!");
            }
            open.clock.advance(Duration.ofMinutes(30));
            assertThat(sessions.userOf(session.token())).isEmpty();
            assertThatThrownBy(() -> new Sessions(new Transactions(factory), open.clock, Duration.ZERO, "x"))
                    .hasMessageContaining("session timeout was PT0S");
        }
    }

    @Test
    void secretsHashOneWay() {
        String hash = Secrets.hashPassword("correct horse");
        assertThat(hash).startsWith("pbkdf2$").doesNotContain("correct");
        assertThat(Secrets.passwordMatches("correct horse", hash)).isTrue();
        assertThat(Secrets.passwordMatches("wrong", hash)).isFalse();
        assertThat(Secrets.passwordMatches("x", "plain")).isFalse();
        assertThat(Secrets.random(20)).hasSize(20).matches("[0-9A-Za-z]+");
        assertThat(Secrets.sha256Matches("a", Secrets.sha256("a"))).isTrue();
        assertThat(OrgTesting.ADMIN_TOKEN).isNotEmpty();
    }
}
