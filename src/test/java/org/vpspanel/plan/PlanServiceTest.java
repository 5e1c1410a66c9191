package org.vpspanel.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.testing.PanelTest;

class PlanServiceTest extends PanelTest {

    @Autowired
    PlanService plans;

    private static PlanDraft draft(String name, Resources resources) {
        return new PlanDraft(name, resources, OverQuotaAction.THROTTLE, Units.parseRate("1Mbit"), null);
    }

    @Test
    void anAdminsPlanIsGlobalAndKeepsEveryResourceInBaseUnits() {
        Resources resources = Resources.defaults().with(ResourceField.MEMORY, Units.parseSize("128M"))
                .with(ResourceField.NET_EGRESS, Units.parseRate("10Mbit"));

        PlanSummary plan = as(ADMIN, () -> plans.create(draft("small", resources)));

        assertThat(plan.global()).isTrue();
        PlanSummary stored = as(ADMIN, () -> plans.get(plan.id()));
        assertThat(stored.resources()).isEqualTo(resources);
        assertThat(stored.resources().get(ResourceField.MEMORY)).isEqualTo(128L << 20);
        assertThat(database.jdbc().queryForObject("SELECT resources->>'netEgress' FROM plan WHERE id = ?",
                String.class, plan.id())).isEqualTo("10000000");
    }

    @Test
    void aResellerSeesGlobalPlansAndItsOwnButNotAnotherResellers() {
        createReseller("acme");
        createReseller("globex");
        as(ADMIN, () -> plans.create(draft("global", Resources.defaults())));
        as("acme", () -> plans.create(draft("acme-small", Resources.defaults())));
        PlanSummary globexPlan = as("globex", () -> plans.create(draft("globex-small", Resources.defaults())));

        assertThat(as("acme", () -> plans.find("", Pageable.unpaged())))
                .extracting(PlanSummary::name).containsExactlyInAnyOrder("global", "acme-small");
        assertThatThrownBy(() -> as("acme", () -> plans.get(globexPlan.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("acme", () -> plans.update(globexPlan.id(), draft("mine", Resources.defaults()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(ADMIN, () -> plans.count(""))).isEqualTo(3);
    }

    @Test
    void aResellerCannotChangeAGlobalPlan() {
        createReseller("acme");
        PlanSummary global = as(ADMIN, () -> plans.create(draft("global", Resources.defaults())));

        assertThatThrownBy(() -> as("acme", () -> plans.update(global.id(), draft("x", Resources.defaults()))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void memoryZeroAndABadNameAreRefusedWithTheirFieldsAndNothingIsSaved() {
        Resources zeroMemory = Resources.defaults().with(ResourceField.MEMORY, 0);

        assertThatThrownBy(() -> as(ADMIN, () -> plans.create(draft(" ", zeroMemory))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).contains("name", "memory"));
        assertThat(as(ADMIN, () -> plans.count(""))).isZero();
    }

    @Test
    void planNamesAreUniquePerOwnerIgnoringCase() {
        createReseller("acme");
        as(ADMIN, () -> plans.create(draft("Small", Resources.defaults())));

        assertThatThrownBy(() -> as(ADMIN, () -> plans.create(draft("small", Resources.defaults()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exists already");
        assertThat(as("acme", () -> plans.create(draft("small", Resources.defaults()))).name()).isEqualTo("small");
    }

    @Test
    void aNewPlanOffersEveryTemplateUnlessItsAuthorChoosesAndNeverNone() {
        createReseller("acme");
        PlanSummary everything = as("acme", () -> plans.create(draft("all", Resources.defaults())));
        long busybox = everything.templates().stream().filter(t -> t.name().equals("busybox")).findFirst()
                .orElseThrow().id();

        assertThat(everything.templates()).extracting(TemplateSummary::name).containsExactly("busybox", "debian-12");
        PlanSummary only = as("acme", () -> plans.update(everything.id(), draft("all", Resources.defaults())
                .withTemplates(Set.of(busybox))));
        assertThat(as("acme", () -> plans.get(only.id())).templates()).extracting(TemplateSummary::name)
                .containsExactly("busybox");
        for (Set<Long> wrong : List.of(Set.<Long>of(), Set.of(busybox, -1L))) {
            assertThatThrownBy(() -> as("acme", () -> plans.update(everything.id(), draft("renamed",
                    Resources.defaults()).withTemplates(wrong))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("templates"));
        }
        PlanSummary unchanged = as("acme", () -> plans.get(only.id()));
        assertThat(unchanged.name()).isEqualTo("all");
        assertThat(unchanged.templates()).extracting(TemplateSummary::name).containsExactly("busybox");
        assertThat(as("acme", () -> plans.templatesOf(only.id()))).extracting(TemplateSummary::name)
                .containsExactly("busybox");
    }

    @Test
    void customersCannotManagePlans() {
        AccountSummary acme = createReseller("acme");
        createCustomer("carol", acme);

        assertThatThrownBy(() -> as("carol", () -> plans.create(draft("mine", Resources.defaults()))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
