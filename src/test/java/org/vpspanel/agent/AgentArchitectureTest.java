package org.vpspanel.agent;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The agent runs as root on every node: it must stay small and load nothing of the panel. */
class AgentArchitectureTest {

    private final JavaClasses agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vpspanel.agent");

    @Test
    void loadsNoVaadinNoJpaAndNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "jakarta.persistence..",
                "org.hibernate..", "org.springframework..").check(agent);
    }

    @Test
    void usesNothingOfThePanelButTheResourceCatalogueAndCommonTypes() {
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                "panel classes outside org.vpspanel.agent, org.vpspanel.resources and org.vpspanel.common",
                c -> c.getPackageName().startsWith("org.vpspanel") && !c.getPackageName().startsWith("org.vpspanel.agent")
                        && !c.getPackageName().equals("org.vpspanel.resources")
                        && !c.getPackageName().equals("org.vpspanel.common"))).check(agent);
    }
}
