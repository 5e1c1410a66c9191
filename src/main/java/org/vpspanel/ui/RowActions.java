package org.vpspanel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;

/** The buttons that act on a grid's objects: edit and delete in a row (delete after a confirmation), create above. */
public final class RowActions {

    private RowActions() {
    }

    public static Button edit(String id, String label, Runnable action) {
        Button button = new Button(VaadinIcon.EDIT.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }

    /**
     * A delete button for the object described by {@code what} (such as "node node-1"): it asks
     * {@code question} first, then runs {@code delete}, notifies the success and runs {@code afterwards}
     * (a refresh of the grid). A refusal by the service (the object is in use, or gone already) is shown
     * as a failure notice.
     */
    public static Button delete(String id, String what, String question, Runnable delete, Runnable afterwards) {
        String label = "Delete " + what;
        Button button = new Button(VaadinIcon.TRASH.create(), e -> ConfirmAction.ask(label, question, "Delete", () -> {
            try {
                delete.run();
                Notices.success("Deleted " + what);
            } catch (InvalidInputException | NotFoundException refused) {
                Notices.failure(refused.getMessage());
            }
            afterwards.run();
        }));
        button.setId(id);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        return button;
    }

    /** The primary button above a grid that opens the form for a new object, such as "New node". */
    public static Button create(String label, String id, Runnable open) {
        Button button = new Button(label, VaadinIcon.PLUS.create(), e -> open.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
