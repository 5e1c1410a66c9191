package org.vpspanel.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;

/**
 * Shows a service's refusal on the form: each violation on the field it names, and what names no field
 * of the form as a notification.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    public static void show(InvalidInputException error, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        List<String> unplaced = new ArrayList<>();
        for (FieldViolation violation : error.violations()) {
            HasValidation field = fields.get(violation.field());
            if (field == null) {
                unplaced.add(violation.message());
            } else {
                field.setErrorMessage(violation.message());
                field.setInvalid(true);
            }
        }
        Notices.failure(unplaced.isEmpty() ? "Please correct the marked fields" : String.join("; ", unplaced));
    }
}
