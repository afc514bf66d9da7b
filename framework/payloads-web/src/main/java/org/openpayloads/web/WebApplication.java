package org.openpayloads.web;

import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.web.error.ErrorMapper;
import org.openpayloads.web.filter.BearerAuthFilter;
import org.openpayloads.web.filter.BodyLimitFilter;
import org.openpayloads.web.filter.ContentTypeFilter;
import org.openpayloads.web.json.ApiJson;
import org.openpayloads.web.json.ObjectMapperResolver;
import org.openpayloads.web.resource.CredentialResource;
import org.openpayloads.web.resource.HealthResource;
import org.openpayloads.web.resource.InboundResource;
import org.openpayloads.web.resource.IntegrationResource;
import org.openpayloads.web.resource.JobResource;
import org.openpayloads.web.resource.OpenApiDocument;
import org.openpayloads.web.resource.OpenApiResource;
import org.openpayloads.web.resource.PayloadResource;
import org.openpayloads.web.resource.PollingResource;
import org.openpayloads.web.resource.SourceResource;
import org.openpayloads.web.resource.TargetResource;
import org.openpayloads.web.resource.TokenResource;

/** Builds the admin API as a Jersey application. */
public final class WebApplication {

    private static final List<Class<?>> RESOURCES = List.of(IntegrationResource.class, PayloadResource.class,
            TargetResource.class, SourceResource.class, CredentialResource.class, JobResource.class,
            TokenResource.class, HealthResource.class, OpenApiResource.class, InboundResource.class,
            PollingResource.class);

    private WebApplication() {
    }

    /**
     * A ResourceConfig with every admin API resource, the Jackson provider (with the API's own strict mapper
     * and without Jersey's text/plain exception mappers), the body limit and bearer-token filters and the one
     * exception mapper. The caller may register more resources into it.
     */
    public static ResourceConfig create(WebServices services) {
        ApiJson json = new ApiJson();
        OpenApiDocument openApi = OpenApiDocument.load();
        ResourceConfig config = new ResourceConfig();
        // WADL would answer OPTIONS with XML and needs a JAXB runtime we do not ship.
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver(json));
        config.register(ErrorMapper.class);
        config.register(ContentTypeFilter.class);
        config.register(BodyLimitFilter.class);
        config.register(BearerAuthFilter.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(services).to(WebServices.class);
                bind(services.configuration()).to(ConfigurationService.class);
                bind(services.jobs()).to(JobService.class);
                bind(services.tokens()).to(AdminTokenService.class);
                bind(services.mapping()).to(MappingService.class);
                bind(services.inbound()).to(InboundService.class);
                bind(json).to(ApiJson.class);
                bind(openApi).to(OpenApiDocument.class);
            }
        });
        RESOURCES.forEach(config::register);
        return config;
    }

    /** The resource classes {@link #create} registers, for tests that compare them with the OpenAPI description. */
    public static List<Class<?>> resourceClasses() {
        return RESOURCES;
    }
}
