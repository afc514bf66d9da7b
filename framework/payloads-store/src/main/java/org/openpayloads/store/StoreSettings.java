package org.openpayloads.store;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.openpayloads.store.crypto.MasterKey;

/**
 * Where the store keeps its data, and with which key it encrypts secrets.
 *
 * @param jdbcUrl an HSQLDB ({@code jdbc:hsqldb:}) or PostgreSQL ({@code jdbc:postgresql:}) URL
 * @param password may be empty (HSQLDB's SA user has none); never shown in messages
 * @param poolSize the most connections the store opens, 1 to {@value #MAX_POOL_SIZE}
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, MasterKey masterKey) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 200;

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public StoreSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is required; expected jdbc:hsqldb:... or jdbc:postgresql:...");
        }
        if (Database.of(jdbcUrl).isEmpty()) {
            throw new IllegalArgumentException("jdbcUrl '" + withoutPassword(jdbcUrl)
                    + "' names an unsupported database; expected jdbc:hsqldb:... or jdbc:postgresql:...");
        }
        if (user == null) {
            throw new IllegalArgumentException("user is required; expected a database user name such as SA");
        }
        if (password == null) {
            throw new IllegalArgumentException("password is required; expected a password, or empty for none");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize is " + poolSize + "; expected 1 to " + MAX_POOL_SIZE);
        }
        if (masterKey == null) {
            throw new IllegalArgumentException("masterKey is required; expected the key from MasterKey.load");
        }
    }

    /**
     * The URL of the embedded database in {@code dataDir}: commits are written through to disk (a
     * committed row survives kill -9) and MVCC lets workers run side by side.
     */
    public static String hsqldbUrl(Path dataDir) {
        return "jdbc:hsqldb:file:" + dataDir.resolve("db").resolve("payloads")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc";
    }

    /** The embedded database in {@code dataDir}, user SA without a password, and the default pool. */
    public static StoreSettings hsqldb(Path dataDir, MasterKey masterKey) {
        return new StoreSettings(hsqldbUrl(dataDir), "SA", "", DEFAULT_POOL_SIZE, masterKey);
    }

    Database database() {
        return Database.of(jdbcUrl).orElseThrow();
    }

    /** The URL with any password parameter hidden, for messages. */
    static String withoutPassword(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1[hidden]");
    }

    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + withoutPassword(jdbcUrl) + ", user=" + user + ", password=[hidden]"
                + ", poolSize=" + poolSize + ", masterKey=" + masterKey.id() + "]";
    }
}
