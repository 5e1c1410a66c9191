package org.vpspanel.template.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.vpspanel.template.TemplateService;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.FormFields;
import org.vpspanel.ui.Notices;
import org.vpspanel.ui.RowActions;

/** The admin's OS templates: what partitions' root filesystems are made from. */
@Route("templates")
@PageTitle("OS templates · VPS Panel")
@Menu(title = "OS templates", order = 60, icon = "vaadin:cubes")
@RolesAllowed("ADMIN")
class TemplatesView extends VerticalLayout {

    private final TemplateService templates;
    private final Grid<TemplateSummary> grid = new Grid<>(TemplateSummary.class, false);

    TemplatesView(TemplateService templates) {
        this.templates = templates;
        setSizeFull();
        Button create = RowActions.create("New template", "new-template", this::openForm);

        grid.setId("templates-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TemplateSummary::name).setHeader("Name").setSortable(true).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(TemplateSummary::kind).setHeader("Kind").setSortable(true).setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(template -> RowActions.delete("delete-template-" + template.name(),
                "template " + template.name(), "Delete template '" + template.name()
                        + "'? A template that partitions use is kept.", () -> templates.delete(template.id()),
                this::refresh)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No templates yet. Add one with 'New template'.");
        refresh();

        add(new H2("OS templates"), new Paragraph("Each template names the builder the host agent uses for a "
                + "partition's root filesystem."), create, grid);
        setFlexGrow(1, grid);
    }

    private void openForm() {
        FormFields fields = new FormFields("template");
        TextField name = fields.required("name", new TextField("Name"));
        name.setHelperText("e.g. debian-12-minimal");
        Select<String> kind = fields.required("kind", new Select<>());
        kind.setLabel("Kind");
        kind.setItems(TemplateService.KINDS);
        kind.setValue(TemplateService.KINDS.getFirst());

        FormDialog dialog = new FormDialog("New template", "template", fields::byName, () -> {
            TemplateSummary template = templates.create(name.getValue().trim(), kind.getValue());
            refresh();
            Notices.success("Template " + template.name() + " created");
            return true;
        });
        dialog.form().add(fields.components());
        dialog.open();
        name.focus();
    }

    private void refresh() {
        grid.setItems(templates.all());
    }
}
