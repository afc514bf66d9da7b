package org.openpayloads.org.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;

@Tag("database")
class UsersTest {

    @Test
    void usersAreUserRecordsWithHashedPasswords() {
        try (OpenOrg open = OpenOrg.create()) {
            Users users = open.org.users();
            assertThat(users.list()).extracting(Users.UserInfo::username).containsExactly(Users.ADMIN_USERNAME);
            Users.UserInfo made = users.create(new Users.NewUser("Kim@Example.org", "kim@example.org", "Kim", "Lee",
                    "long enough", true));
            assertThat(made.id()).startsWith("005");
            assertThat(users.authenticate("kim@example.org", "long enough")).contains(made);
            assertThat(users.authenticate("kim@example.org", "wrong")).isEmpty();
            assertThat(users.authenticate(Users.ADMIN_USERNAME, "")).isEmpty();
            users.create(new Users.NewUser("off@example.org", "off@example.org", null, "Off", "long enough", false));
            assertThat(users.authenticate("off@example.org", "long enough")).isEmpty();
            assertThatThrownBy(() -> users.create(new Users.NewUser("kim@example.org", "k@example.org", null, "K",
                    null, true))).isInstanceOf(IllegalStateException.class).hasMessageContaining("is taken");
            assertThatThrownBy(() -> users.create(new Users.NewUser("x@example.org", "x@example.org", null, "X",
                    "short", true))).hasMessage("password is too short (5 characters); expected at least 8");
            assertThatThrownBy(() -> users.create(new Users.NewUser("y@example.org", "not an email", null, "Y",
                    null, true))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Email");
            assertThat(users.create(new Users.NewUser("n@example.org", "n@example.org", null, "N", null, true))
                    .toString()).contains("n@example.org");
            var record = open.json("GET", OrgTesting.BASE + "/sobjects/User/" + made.id(), "");
            assertThat(record.get("Name").asText()).isEqualTo("Kim Lee");
            assertThat(record.get("IsActive").asBoolean()).isTrue();
            assertThat(record.has("OwnerId")).isFalse();
            open.reopen();
            assertThat(open.org.users().authenticate("kim@example.org", "long enough")).isPresent();
        }
    }
}
