package org.vpspanel.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.Map;
import java.util.function.Supplier;
import org.vpspanel.common.InvalidInputException;

/**
 * A form in a dialog with Save and Cancel. Save runs the action; a refusal from the service is shown on
 * the fields it names and the dialog stays open, so nothing typed is lost.
 */
public class FormDialog extends Dialog {

    /** Saves what the form holds; false when the form itself found the input unreadable (already marked). */
    @FunctionalInterface
    public interface SaveAction {
        boolean save();
    }

    private final FormLayout form = new FormLayout();
    private final Button save = new Button("Save");

    public FormDialog(String title, String idPrefix, Supplier<Map<String, ? extends HasValidation>> fields,
                      SaveAction action) {
        setHeaderTitle(title);
        setId(idPrefix + "-dialog");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form);
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                if (action.save()) {
                    close();
                }
            } catch (InvalidInputException error) {
                FormErrors.show(error, fields.get());
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId(idPrefix + "-cancel");
        getFooter().add(cancel, save);
    }

    public FormLayout form() {
        return form;
    }
}
