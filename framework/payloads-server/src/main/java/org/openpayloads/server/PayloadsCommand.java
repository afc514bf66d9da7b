package org.openpayloads.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.server.ServerSettings.Setting;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code payloads} command line. */
@Command(name = "payloads", mixinStandardHelpOptions = true, versionProvider = PayloadsCommand.Version.class,
        description = "OpenPayloads: a metadata-driven integration framework.",
        subcommands = {PayloadsCommand.Run.class, CommandLine.HelpCommand.class})
public final class PayloadsCommand {

    /** Exit code when the settings or the environment are wrong. */
    static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new PayloadsCommand()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Start the server. Settings come from flags, then PAYLOADS_* environment variables, "
                    + "then the --config properties file, then defaults.")
    static final class Run implements Callable<Integer> {

        @Option(names = "--host", description = "Address to listen on (PAYLOADS_HOST). Default: 0.0.0.0.")
        @Nullable String host;

        @Option(names = "--port", description = "Port to listen on; 0 picks a free one (PAYLOADS_PORT). Default: 8080.")
        @Nullable String port;

        @Option(names = "--data-dir", description = "Data directory: embedded database and key file "
                + "(PAYLOADS_DATA_DIR). Default: ./data.")
        @Nullable String dataDir;

        @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database (PAYLOADS_DB_URL). "
                + "Default: embedded HSQLDB under the data directory.")
        @Nullable String dbUrl;

        @Option(names = "--db-user", description = "Database user (PAYLOADS_DB_USER).")
        @Nullable String dbUser;

        @Option(names = "--db-password", description = "Database password (PAYLOADS_DB_PASSWORD); "
                + "prefer the environment variable, which does not show in ps.")
        @Nullable String dbPassword;

        @Option(names = "--pool-size", description = "Database connection pool size (PAYLOADS_DB_POOL_SIZE). Default: 20.")
        @Nullable String poolSize;

        @Option(names = "--samples", description = "Sample integrations a fresh database gets, once: stripe, "
                + "or none (PAYLOADS_SAMPLES). Default: stripe.")
        @Nullable String samples;

        @Option(names = "--environment", description = "sandbox (test payment keys, sandbox logins only) or "
                + "production (live ones only) (PAYLOADS_ENVIRONMENT). Default: sandbox.")
        @Nullable String environment;

        @Option(names = "--config", description = "A properties file with port, data.dir, db.url, db.user, "
                + "db.password, db.pool.size (PAYLOADS_CONFIG).")
        @Nullable Path config;

        @Override
        public Integer call() throws InterruptedException {
            ServerSettings settings;
            PrintStream err = System.err;
            try {
                settings = ServerSettings.resolve(flags(), System.getenv(), config);
            } catch (ConfigException e) {
                printProblems(err, "Invalid settings", e);
                return EXIT_CONFIG;
            }
            PayloadsServer server;
            try {
                server = PayloadsServer.start(settings, Clock.systemUTC(), System.out);
            } catch (ConfigException e) {
                printProblems(err, "Cannot start", e);
                return EXIT_CONFIG;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "payloads-shutdown"));
            stopped.await();
            return 0;
        }

        private Map<Setting, String> flags() {
            Map<Setting, String> flags = new EnumMap<>(Setting.class);
            put(flags, Setting.HOST, host);
            put(flags, Setting.PORT, port);
            put(flags, Setting.DATA_DIR, dataDir);
            put(flags, Setting.DB_URL, dbUrl);
            put(flags, Setting.DB_USER, dbUser);
            put(flags, Setting.DB_PASSWORD, dbPassword);
            put(flags, Setting.POOL_SIZE, poolSize);
            put(flags, Setting.SAMPLES, samples);
            put(flags, Setting.ENVIRONMENT, environment);
            return flags;
        }

        private static void put(Map<Setting, String> flags, Setting setting, @Nullable String value) {
            if (value != null) {
                flags.put(setting, value);
            }
        }
    }

    static void printProblems(PrintStream err, String headline, ConfigException e) {
        err.println(headline + ":");
        for (FieldError error : e.errors()) {
            err.println("  " + error.field() + ": " + error.message());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PayloadsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"OpenPayloads " + (version == null ? "(development build)" : version)};
        }
    }
}
