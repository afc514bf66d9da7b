package org.openpayloads.org.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.db.ConnectedAppEntity;
import org.openpayloads.org.db.TxRunner;

/**
 * The org's connected apps: OAuth clients that get sessions with the client-credentials or password grant.
 * A client secret is shown once, when the app is made; only its hash is kept.
 */
public final class ConnectedApps {

    /** A connected app as listed: never its secret. */
    public record ConnectedApp(String name, String clientId, Instant createdAt) {
    }

    /** A new app with its secret, which is not shown again. */
    public record NewConnectedApp(ConnectedApp app, String clientSecret) {

        @Override
        public String toString() {
            return "NewConnectedApp[" + app + ", clientSecret=[hidden]]";
        }
    }

    private final TxRunner tx;
    private final Clock clock;

    public ConnectedApps(TxRunner tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public NewConnectedApp create(String name) {
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("Connected app name was '" + name + "'; expected 1 to 255 characters");
        }
        String clientId = "3MVG9" + Secrets.random(80);
        String secret = Secrets.random(64);
        ConnectedAppEntity entity = new ConnectedAppEntity();
        entity.name = name;
        entity.clientId = clientId;
        entity.secretHash = Secrets.sha256(secret);
        entity.createdAt = clock.instant();
        tx.write(session -> {
            session.persist(entity);
            return null;
        });
        return new NewConnectedApp(new ConnectedApp(name, clientId, entity.createdAt), secret);
    }

    /**
     * Makes sure an app with this client id exists and accepts this secret: made if missing, its name and secret
     * replaced if not. For a client whose credentials are derived elsewhere (the server's own connector), so
     * that every start, and every server sharing the database, lands on the same app.
     */
    public ConnectedApp ensure(String name, String clientId, String clientSecret) {
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("Connected app name was '" + name + "'; expected 1 to 255 characters");
        }
        if (clientId.isBlank() || clientId.length() > 100) {
            throw new IllegalArgumentException("Client id was '" + clientId + "'; expected 1 to 100 characters");
        }
        if (clientSecret.length() < 16) {
            throw new IllegalArgumentException("Client secret of " + clientId + " has " + clientSecret.length()
                    + " characters ([hidden]); expected at least 16");
        }
        // A second server inserting the same client id at once loses on the unique constraint and is retried.
        return tx.write(session -> {
            ConnectedAppEntity entity = entity(session, clientId).orElseGet(() -> {
                ConnectedAppEntity made = new ConnectedAppEntity();
                made.clientId = clientId;
                made.createdAt = clock.instant();
                session.persist(made);
                return made;
            });
            entity.name = name;
            entity.secretHash = Secrets.sha256(clientSecret);
            return app(entity);
        });
    }

    public List<ConnectedApp> list() {
        return tx.read(session -> session.createSelectionQuery("from ConnectedAppEntity a order by a.id",
                ConnectedAppEntity.class).getResultList().stream().map(ConnectedApps::app).toList());
    }

    public Optional<ConnectedApp> find(String clientId) {
        return tx.read(session -> entity(session, clientId).map(ConnectedApps::app));
    }

    /** @return whether an app with the client id existed */
    public boolean delete(String clientId) {
        return tx.write(session -> entity(session, clientId).map(e -> {
            session.remove(e);
            return true;
        }).orElse(false));
    }

    /** The app whose client id and secret these are. */
    public Optional<ConnectedApp> authenticate(String clientId, String clientSecret) {
        return tx.read(session -> entity(session, clientId)
                .filter(e -> Secrets.sha256Matches(clientSecret, e.secretHash)).map(ConnectedApps::app));
    }

    private static Optional<ConnectedAppEntity> entity(org.hibernate.Session session, String clientId) {
        return session.createSelectionQuery("from ConnectedAppEntity a where a.clientId = :c", ConnectedAppEntity.class)
                .setParameter("c", clientId).uniqueResultOptional();
    }

    private static ConnectedApp app(ConnectedAppEntity e) {
        return new ConnectedApp(e.name, e.clientId, e.createdAt);
    }
}
