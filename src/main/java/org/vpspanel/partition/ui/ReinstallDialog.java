package org.vpspanel.partition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.vpspanel.partition.PartitionSummary;

/** Reinstalling wipes the partition's files, so the user types its hostname to confirm. */
final class ReinstallDialog {

    private ReinstallDialog() {
    }

    static void open(PartitionSummary partition, Runnable reinstall) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reinstall " + partition.hostname());
        TextField confirmation = new TextField("Type the hostname to confirm");
        confirmation.setId("reinstall-confirmation");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.setWidthFull();
        dialog.add(new Paragraph("Every file on " + partition.hostname() + " is replaced by a fresh "
                + partition.templateName() + " system. Its addresses and resources stay."), confirmation);
        Button reinstallButton = new Button("Reinstall", e -> {
            dialog.close();
            reinstall.run();
        });
        reinstallButton.setId("reinstall-confirm");
        reinstallButton.setEnabled(false);
        reinstallButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirmation.addValueChangeListener(e -> reinstallButton.setEnabled(partition.hostname().equals(e.getValue())));
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, reinstallButton);
        dialog.open();
    }
}
