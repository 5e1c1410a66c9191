package org.vpspanel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

class ArchitectureTest {

    private static final String SECURITY_CONFIGURATION = "org.vpspanel.account.SecurityConfiguration";

    private static JavaClasses panel;

    @BeforeAll
    static void importMainClasses() {
        panel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vpspanel");
    }

    @Test
    void theResourceCatalogueAndCommonTypesArePureJava() {
        noClasses().that().resideInAnyPackage("org.vpspanel.resources..", "org.vpspanel.common..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "jakarta.persistence..", "org.hibernate..")
                .because("the host agent shares them and runs without Spring, Vaadin or JPA")
                .check(panel);
    }

    @Test
    void vaadinIsUsedOnlyInUiPackagesAndTheSecurityConfiguration() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(SECURITY_CONFIGURATION)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("views sit in each feature's ui package; services know nothing of the UI")
                .check(panel);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("other features see records and services, never another feature's entities")
                .allowEmptyShould(true)
                .check(panel);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAssignableTo(Repository.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("a feature's tables are reached through its services only")
                .allowEmptyShould(true)
                .check(panel);
    }

    @Test
    void servicesDoNotDependOnTheUi() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(SECURITY_CONFIGURATION)
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .because("the UI calls services, not the other way round (the security configuration names the login view)")
                .check(panel);
    }
}
