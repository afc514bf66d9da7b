package org.openpayloads.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.store.Store;
import org.openpayloads.web.bundle.BundleImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the sample integrations a server is set to load, once per database: a sample deleted afterwards
 * stays deleted. Several servers starting on one database import each sample once between them.
 */
final class SampleIntegrations {

    private static final Logger LOG = LoggerFactory.getLogger(SampleIntegrations.class);
    private static final String ACTOR = "sample";

    private SampleIntegrations() {
    }

    static void load(SampleSettings samples, Store store, ConfigurationService config, BundleImporter importer,
                     Clock clock) {
        for (String name : samples.names()) {
            String setting = "sample." + name;
            if (store.setting(setting).isPresent()) {
                continue;
            }
            JsonNode bundle = bundle(name);
            String integration = BundleImporter.integrationName(bundle);
            if (config.integrations().stream().noneMatch(i -> i.apiName().equals(integration))) {
                try {
                    BundleImporter.Imported imported = importer.importBundle(bundle, samples.variables()::get, ACTOR);
                    LOG.info("Loaded the sample integration '{}': payloads {}, credentials {}, org changes {}",
                            imported.integration(), imported.payloads(), imported.credentials(),
                            imported.orgChanges());
                } catch (ConflictException e) {
                    LOG.info("The sample integration '{}' was loaded by another server meanwhile", integration);
                }
            }
            store.putSettingIfAbsent(setting, "loaded " + clock.instant());
        }
    }

    /** The sample's bundle, from the jar. */
    static JsonNode bundle(String name) {
        String resource = "/samples/" + name + ".json";
        try (InputStream in = SampleIntegrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The sample bundle " + resource + " is missing from the server jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample bundle " + resource, e);
        }
    }
}
