package org.openpayloads.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.connector.Connectors;

/**
 * The Markdown table of a {@link ConfigDef}'s options, the one a connector's README carries between
 * {@value #BEGIN} and {@value #END}. Generated, so the docs cannot drift from the definitions.
 */
public final class ConfigTable {

    public static final String BEGIN = "<!-- config-table:begin (generated from the ConfigDef; do not edit) -->";
    public static final String END = "<!-- config-table:end -->";

    private ConfigTable() {
    }

    /** The table, one row per option in declaration order. */
    public static String markdown(ConfigDef def) {
        StringBuilder table = new StringBuilder("| Option | Type | Default | Group | Description |\n"
                + "|---|---|---|---|---|\n");
        for (ConfigDef.Key key : def.keys().values()) {
            String defaultValue = key.required() == ConfigDef.Required.YES ? "**required**"
                    : key.defaultValue() == null ? "–" : "`" + key.defaultValue() + "`";
            table.append("| `").append(key.name()).append("` | ").append(key.type()).append(" | ")
                    .append(defaultValue).append(" | ").append(cell(key.group())).append(" | ")
                    .append(cell(key.documentation())).append(" |\n");
        }
        return table.toString();
    }

    /** The table between the markers of {@code document}; empty when the markers are missing. */
    public static Optional<String> extract(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        return Optional.of(document.substring(begin + BEGIN.length(), end).strip() + "\n");
    }

    /** {@code document} with the text between the markers replaced by {@code table}. */
    public static String replace(String document, String table) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " markers");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + table + document.substring(end);
    }

    /**
     * Prints the table of each named connector type, found with ServiceLoader, or rewrites a README:
     * {@code ConfigTable salesforce} or {@code ConfigTable salesforce path/to/README.md}.
     */
    public static void main(String[] args) {
        if (args.length == 0 || args.length > 2) {
            System.err.println("usage: ConfigTable <connector type> [README.md to rewrite]");
            System.exit(2);
        }
        Connectors connectors = Connectors.load(ConfigTable.class.getClassLoader());
        String table = markdown(connectors.require(args[0]).configDef());
        if (args.length == 1) {
            System.out.print(table);
            return;
        }
        Path readme = Path.of(args[1]);
        try {
            Files.writeString(readme, replace(Files.readString(readme), table));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rewrite " + readme, e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip();
    }
}
