package org.openpayloads.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the web layer, each saying how to fix a break. */
class ArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openpayloads.web");

    @Test
    void theWebLayerReachesStorageOnlyThroughTheEngineServices() {
        noClasses().should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("resources call ConfigurationService, JobService or AdminTokenService, which validate "
                        + "first; add a service method instead of calling a repository")
                .check(WEB);
    }

    @Test
    void thereIsNoStaticMutableState() {
        fields().that().areStatic().should().beFinal()
                .because("resources and providers are shared between requests; keep state in instances bound "
                        + "through the HK2 binder")
                .check(WEB);
    }

    @Test
    void dtosKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("..web.dto..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..")
                .because("DTOs are plain JSON shapes; HTTP belongs in the resource package")
                .check(WEB);
    }

    @Test
    void resourcesDoNotThrowJaxRsExceptions() {
        noClasses().that().resideInAPackage("..web.resource..")
                .should().dependOnClassesThat().areAssignableTo(jakarta.ws.rs.WebApplicationException.class)
                .because("the ErrorMapper's table covers the PayloadsException family and ApiException; throw "
                        + "one of those so that the error body stays the same")
                .check(WEB);
    }
}
