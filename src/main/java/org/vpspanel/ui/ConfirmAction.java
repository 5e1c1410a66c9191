package org.vpspanel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** A confirmation before a destructive action: nothing happens unless the user confirms. */
public final class ConfirmAction {

    private ConfirmAction() {
    }

    public static void ask(String title, String question, String confirmLabel, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(question));
        Button confirm = new Button(confirmLabel, e -> {
            dialog.close();
            action.run();
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("cancel-action");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
