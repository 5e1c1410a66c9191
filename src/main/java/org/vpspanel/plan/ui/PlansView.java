package org.vpspanel.plan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.RowActions;
import org.vpspanel.ui.Inputs;
import org.vpspanel.ui.Notices;

/** Plans: an admin's global plans and every reseller's; a reseller sees the global ones and keeps its own. */
@Route("plans")
@PageTitle("Plans · VPS Panel")
@Menu(title = "Plans", order = 25, icon = "vaadin:package")
@RolesAllowed({"ADMIN", "RESELLER"})
class PlansView extends VerticalLayout {

    private final PlanService plans;
    private final TemplateService templates;
    private final long me;
    private final boolean admin;
    private final Grid<PlanSummary> grid = new Grid<>(PlanSummary.class, false);
    private final TextField filter;

    PlansView(PlanService plans, TemplateService templates, CurrentUser currentUser) {
        this.plans = plans;
        this.templates = templates;
        this.me = currentUser.require().id();
        this.admin = currentUser.require().isAdmin();
        setSizeFull();
        filter = LazyGrids.filterField("plans-filter", "Filter by name", grid);
        Button create = RowActions.create("New plan", "new-plan", () -> openEditor(null));

        grid.setId("plans-grid");
        grid.addColumn(PlanSummary::name).setHeader("Name").setKey("name").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.global() ? "Global" : p.ownerId() == me ? "Mine" : "Reseller #" + p.ownerId())
                .setHeader("Owner");
        for (ResourceField field : new ResourceField[] {ResourceField.CPUS, ResourceField.CPU_LIMIT,
                ResourceField.MEMORY, ResourceField.DISK, ResourceField.NET_EGRESS, ResourceField.IPV4_ADDRESSES,
                ResourceField.MONTHLY_TRAFFIC}) {
            grid.addColumn(p -> field.humanize(p.resources().get(field))).setHeader(field.label()).setAutoWidth(true);
        }
        grid.addColumn(p -> names(p.templates())).setHeader("Templates").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> plans.find(filter.getValue(), pageable).getContent(),
                pageable -> plans.count(filter.getValue()));
        add(new H2("Plans"), new HorizontalLayout(filter, create), grid);
    }

    private HorizontalLayout actions(PlanSummary plan) {
        HorizontalLayout actions = new HorizontalLayout();
        if (admin || !plan.global()) {
            actions.add(RowActions.edit("edit-plan-" + plan.name(), "Edit plan " + plan.name(), () -> openEditor(plan)),
                    RowActions.delete("delete-plan-" + plan.name(), "plan " + plan.name(),
                            "Delete the plan '" + plan.name() + "'?", () -> plans.delete(plan.id()),
                            grid.getDataProvider()::refreshAll));
        }
        return actions;
    }

    private static String names(List<TemplateSummary> offered) {
        return offered.stream().map(TemplateSummary::name).collect(Collectors.joining(", "));
    }

    private void openEditor(PlanSummary existing) {
        TextField name = new TextField("Plan name");
        name.setId("plan-name");
        name.setRequiredIndicatorVisible(true);
        ResourceFields resources = new ResourceFields(existing == null ? Resources.defaults() : existing.resources());
        Select<OverQuotaAction> action = new Select<>();
        action.setLabel("Over the traffic quota");
        action.setId("plan-over-quota-action");
        action.setItems(OverQuotaAction.values());
        action.setItemLabelGenerator(a -> a == OverQuotaAction.THROTTLE ? "Throttle" : "Suspend");
        TextField rate = new TextField("Throttled rate");
        rate.setId("plan-over-quota-rate");
        rate.setHelperText("e.g. 1Mbit");
        if (existing == null) {
            action.setValue(OverQuotaAction.THROTTLE);
            rate.setValue(Units.formatRate(PlanDraft.DEFAULT_OVER_QUOTA_RATE));
        } else {
            name.setValue(existing.name());
            action.setValue(existing.overQuotaAction());
            rate.setValue(Units.formatRate(existing.overQuotaRate()));
        }
        List<TemplateSummary> allTemplates = templates.all();
        CheckboxGroup<TemplateSummary> offered = new CheckboxGroup<>("Templates");
        offered.setId("plan-templates");
        offered.setHelperText("What its partitions may be made and reinstalled from");
        offered.setItems(allTemplates);
        offered.setItemLabelGenerator(TemplateSummary::name);
        offered.setValue(Set.copyOf(existing == null ? allTemplates : existing.templates()));
        Map<String, HasValidation> fields = new HashMap<>(resources.byName());
        fields.put("templates", offered);
        fields.put("name", name);
        fields.put("overQuotaAction", action);
        fields.put("overQuotaRate", rate);
        FormDialog dialog = new FormDialog(existing == null ? "New plan" : "Edit plan " + existing.name(), "plan",
                () -> fields, () -> {
            var values = resources.value();
            Long rateValue = Inputs.read(rate, Units::parseRate);
            if (values.isEmpty() || rateValue == null) {
                return false;
            }
            PlanDraft draft = new PlanDraft(name.getValue(), values.get(), action.getValue(), rateValue,
                    offered.getValue().stream().map(TemplateSummary::id).collect(Collectors.toSet()));
            PlanSummary saved = existing == null ? plans.create(draft) : plans.update(existing.id(), draft);
            grid.getDataProvider().refreshAll();
            Notices.success("Plan " + saved.name() + " saved");
            return true;
        });
        dialog.setWidth("min(56em, 100vw)");
        dialog.form().add(name, action, rate, offered);
        resources.addTo(dialog.form());
        dialog.open();
    }
}
