package org.openpayloads.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The shared fixture files ({@code shared/fixtures/}), found from wherever a test runs.
 *
 * <p>The fixtures live beside the repository, not in it, and a module's tests run in the module's own
 * directory at some depth below it. So the root is the system property {@value #PROPERTY} when set, or
 * else the first {@code shared/fixtures} directory found walking up from the working directory.
 */
public final class Fixtures {

    /** Names the fixtures directory explicitly, for a checkout laid out differently. */
    public static final String PROPERTY = "payloads.fixtures";

    private Fixtures() {
    }

    /** The fixtures directory. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("System property " + PROPERTY + " names '" + root
                        + "', which is not a directory; expected the shared fixtures directory");
            }
            return root;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path found = findUpwards(start);
        if (found == null) {
            throw new IllegalStateException("No shared/fixtures directory found in '" + start
                    + "' or any directory above it; put the shared/ folder beside the repository, or set -D"
                    + PROPERTY + "=/path/to/shared/fixtures");
        }
        return found;
    }

    /** A fixture file, for example {@code path("salesforce/oauth-token-success.json")}. */
    public static Path path(String relative) {
        Path root = root();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new IllegalStateException("No fixture '" + relative + "' in " + root
                    + "; expected a file there (see the fixtures README for what exists)");
        }
        return file;
    }

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read fixture '" + relative + "'", e);
        }
    }

    static @Nullable Path findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
