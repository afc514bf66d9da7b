package org.openpayloads.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DEVELOPERS.md, checked on the compiled classes:
 * server → web/store → engine → api; connectors → api only; the embedded org stands apart.
 * Each rule says how to fix a violation.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openpayloads");
    }

    @Test
    void theApiNeedsOnlyTheJdkAndJackson() {
        classes().that().resideInAPackage("org.openpayloads.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "org.jspecify..", "org.openpayloads.api..")
                .because("connector authors depend on payloads-api alone; move runtime code to payloads-engine")
                .check(production);
    }

    @Test
    void theEngineKnowsNoHttpAndNoPersistence() {
        noClasses().that().resideInAPackage("org.openpayloads.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..",
                        "org.hibernate..", "org.glassfish..", "org.openpayloads.store..", "org.openpayloads.web..",
                        "org.openpayloads.server..", "org.openpayloads.org..")
                .because("the engine is called by web and implemented by store through its ports "
                        + "(org.openpayloads.engine.port); add a port instead of importing the adapter")
                .check(production);
    }

    @Test
    void theStoreIsNotAWebLayer() {
        noClasses().that().resideInAPackage("org.openpayloads.store..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..",
                        "org.openpayloads.web..", "org.openpayloads.server..", "org.openpayloads.org..")
                .because("the store implements engine ports; HTTP concerns belong in payloads-web")
                .check(production);
    }

    @Test
    void theWebLayerSeesNoEntities() {
        noClasses().that().resideInAPackage("org.openpayloads.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "org.openpayloads.store..", "org.openpayloads.server..", "org.openpayloads.org..")
                .because("resources call engine services with model records; map entities in payloads-store")
                .check(production);
    }

    @Test
    void theEmbeddedOrgStandsApart() {
        noClasses().that().resideInAPackage("org.openpayloads.org..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openpayloads.engine..",
                        "org.openpayloads.store..", "org.openpayloads.web..", "org.openpayloads.server..")
                .because("the embedded org is a Salesforce stand-in that any client can use; the server wires it in")
                .check(production);
    }

    @Test
    void connectorsDependOnTheApiOnly() {
        noClasses().that().resideInAPackage("org.openpayloads.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openpayloads.engine..",
                        "org.openpayloads.store..", "org.openpayloads.web..", "org.openpayloads.server..",
                        "org.openpayloads.org..")
                .allowEmptyShould(true)
                .because("connectors are plug-ins found by ServiceLoader; they see payloads-api alone")
                .check(production);
    }

    @Test
    void onlyTheServerSeesEveryModule() {
        noClasses().that().resideOutsideOfPackage("org.openpayloads.server..")
                .should().dependOnClassesThat().resideInAPackage("org.openpayloads.server..")
                .because("payloads-server is main and wiring only; nothing may depend on it")
                .check(production);
    }
}
