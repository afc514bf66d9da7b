package org.openpayloads.org.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.data.ParsedRecord;
import org.openpayloads.org.data.RecordParser;
import org.openpayloads.org.data.Record;
import org.openpayloads.org.data.RecordCodec;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.data.SfError;
import org.openpayloads.org.data.Values;
import org.openpayloads.org.data.WriteEngine;
import org.openpayloads.org.data.WriteOp;
import org.openpayloads.org.data.WriteResult;
import org.openpayloads.org.db.SharedTransaction;
import org.openpayloads.org.db.Transactions;
import org.openpayloads.org.db.UserPasswordEntity;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.Schema;

/**
 * The org's users: records of the User object (so they can be queried like any record) with a password
 * hash beside them. The first start makes an administrator that admin tokens and connected apps act as.
 */
public final class Users {

    public static final String ADMIN_USERNAME = "admin@embedded.org";
    /** Who made the first user, before any user existed. */
    private static final String BOOTSTRAP_ACTOR = "005000000000000AAA";

    /** A user to create; the password is hashed and never stored or shown. */
    public record NewUser(String username, String email, @Nullable String firstName, String lastName,
                          @Nullable String password, boolean active) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + email + ", password=[hidden]]";
        }
    }

    /** A user as listed. */
    public record UserInfo(String id, String username, String email, @Nullable String firstName, String lastName,
                           boolean active) {
    }

    private final Schema schema;
    private final WriteEngine writes;
    private final RecordRepository repository;
    private final Transactions tx;

    public Users(Schema schema, WriteEngine writes, RecordRepository repository, Transactions tx) {
        this.schema = schema;
        this.writes = writes;
        this.repository = repository;
        this.tx = tx;
    }

    /** The administrator's id, made on the first start. */
    public String administratorId() {
        return find(ADMIN_USERNAME).map(UserInfo::id).orElseGet(() -> create(new NewUser(ADMIN_USERNAME,
                ADMIN_USERNAME, "Org", "Administrator", null, true), BOOTSTRAP_ACTOR).id());
    }

    /**
     * @throws IllegalArgumentException naming the field when a value is invalid
     * @throws IllegalStateException when the username is taken
     */
    public UserInfo create(NewUser user) {
        return create(user, administratorId());
    }

    private UserInfo create(NewUser user, String actorId) {
        if (user.password() != null && user.password().length() < 8) {
            throw new IllegalArgumentException("password is too short (" + user.password().length()
                    + " characters); expected at least 8");
        }
        // Through the record parser, so that a user gets the checks of any User record (e-mail form, lengths).
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Username", user.username());
        body.put("Email", user.email());
        body.put("FirstName", user.firstName());
        body.put("LastName", user.lastName());
        body.put("IsActive", user.active());
        ObjectDefinition object = userObject();
        ParsedRecord input = RecordParser.parse(body, object, schema.snapshot());
        if (!input.valid()) {
            SfError error = input.errors().get(0);
            throw new IllegalArgumentException((error.fields().isEmpty() ? "user" : error.fields().get(0)) + ": "
                    + error.message());
        }
        try (SharedTransaction shared = tx.share()) {
            WriteResult result = writes.write(schema.snapshot(), List.of(WriteOp.create(object, input)), true,
                    actorId, shared).get(0);
            if (!result.success()) {
                SfError error = result.errors().get(0);
                String field = error.fields().isEmpty() ? "user" : error.fields().get(0);
                String message = field + ": " + error.message();
                throw error.code().equals("DUPLICATE_VALUE") ? new IllegalStateException("Username " + user.username()
                        + " is taken") : new IllegalArgumentException(message);
            }
            if (user.password() != null) {
                UserPasswordEntity password = new UserPasswordEntity();
                password.userId = result.id();
                password.passwordHash = Secrets.hashPassword(user.password());
                shared.write(session -> {
                    session.persist(password);
                    return null;
                });
            }
            shared.commit();
            return new UserInfo(result.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                    user.active());
        }
    }

    public List<UserInfo> list() {
        ObjectDefinition object = userObject();
        return tx.read(session -> repository.allOf(session, "User").stream()
                .map(e -> info(RecordCodec.record(e, object))).toList());
    }

    public Optional<UserInfo> find(String username) {
        ObjectDefinition object = userObject();
        String norm = Values.normalize(object.field("Username").orElseThrow(), username);
        return tx.read(session -> repository.keyHits(session, "User", "Username", List.of(norm)).stream().findFirst()
                .flatMap(hit -> repository.byRowIds(session, List.of(hit.rowId())).stream().findFirst())
                .map(e -> info(RecordCodec.record(e, object))));
    }

    /** The active user with this username and password. */
    public Optional<UserInfo> authenticate(String username, String password) {
        return find(username).filter(UserInfo::active).filter(user -> tx.read(session -> Optional.ofNullable(
                session.find(UserPasswordEntity.class, user.id()))
                .map(p -> Secrets.passwordMatches(password, p.passwordHash)).orElse(false)));
    }

    private ObjectDefinition userObject() {
        return schema.object("User").orElseThrow(() -> new IllegalStateException("The User object is missing"));
    }

    private static UserInfo info(Record record) {
        return new UserInfo(record.id(), String.valueOf(record.value("Username")), String.valueOf(record.value("Email")),
                (String) record.value("FirstName"), String.valueOf(record.value("LastName")),
                Boolean.TRUE.equals(record.value("IsActive")));
    }
}
