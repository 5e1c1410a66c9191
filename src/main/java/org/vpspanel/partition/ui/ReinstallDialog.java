package org.vpspanel.partition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.partition.JobSummary;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.ui.FormErrors;

/**
 * Reinstalling wipes the partition's files, so the user types its hostname to confirm. The templates to
 * choose from are those its plan offers; the one it has comes first when the plan still offers it.
 */
final class ReinstallDialog {

    private ReinstallDialog() {
    }

    static void open(PartitionSummary partition, PartitionService partitions, Consumer<JobSummary> submitted) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reinstall " + partition.hostname());
        List<TemplateSummary> offered = partitions.reinstallTemplates(partition.id());
        Select<TemplateSummary> template = new Select<>();
        template.setLabel("Template");
        template.setId("reinstall-template");
        template.setItems(offered);
        template.setItemLabelGenerator(TemplateSummary::name);
        template.setValue(offered.stream().filter(t -> t.id().equals(partition.templateId())).findFirst()
                .orElse(offered.getFirst()));
        template.setWidthFull();
        TextField confirmation = new TextField("Type the hostname to confirm");
        confirmation.setId("reinstall-confirmation");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.setWidthFull();
        dialog.add(new Paragraph("Every file on " + partition.hostname() + " is replaced by a fresh system from "
                + "the chosen template. Its addresses and resources stay."), template, confirmation);
        Button reinstallButton = new Button("Reinstall", e -> {
            try {
                submitted.accept(partitions.reinstall(partition.id(), template.getValue().id()));
                dialog.close();
            } catch (InvalidInputException error) {
                FormErrors.show(error, Map.of("template", template));
            }
        });
        reinstallButton.setId("reinstall-confirm");
        reinstallButton.setEnabled(false);
        reinstallButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirmation.addValueChangeListener(e -> reinstallButton.setEnabled(partition.hostname().equals(e.getValue())));
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("reinstall-cancel");
        dialog.getFooter().add(cancel, reinstallButton);
        dialog.open();
    }
}
