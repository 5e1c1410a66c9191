package org.vpspanel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
    void theHostAgentDependsOnlyOnItselfTheResourceCatalogueAndCommonTypes() {
        agentIsolation("org.vpspanel.agent").check(panel);
    }

    @Test
    void theAgentRuleCatchesAnAgentThatReachesForTheDatabaseOrAnotherFeature() {
        JavaClasses sample = new ClassFileImporter().importPackages("org.vpspanel.architecture.sample");

        assertThatThrownBy(() -> agentIsolation("org.vpspanel.architecture.sample.agent").check(sample))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.persistence.EntityManager")
                .hasMessageContaining("org.vpspanel.account.Role")
                .hasMessageNotContaining("org.vpspanel.resources.Units");
    }

    /** The agent runs on the hosts: it may use itself, the resource catalogue and the common types only. */
    private static ArchRule agentIsolation(String agentPackage) {
        return noClasses().that().resideInAPackage(agentPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "jakarta.persistence..",
                        "org.hibernate..", "org.springframework.data..")
                .orShould().dependOnClassesThat(Packages.panelOutside(
                        agentPackage, "org.vpspanel.resources", "org.vpspanel.common"))
                .allowEmptyShould(true)
                .because("the agent runs on the hosts, without the panel's web UI and database");
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
