package org.vpspanel.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.function.ToLongFunction;

/** Reading typed values with units: an unreadable value is marked on its field with the parser's reason. */
public final class Inputs {

    private Inputs() {
    }

    /** The field's text read by {@code parser}, or null after marking the field invalid. */
    public static Long read(TextField field, ToLongFunction<String> parser) {
        try {
            long value = parser.applyAsLong(field.getValue());
            field.setInvalid(false);
            return value;
        } catch (IllegalArgumentException e) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return null;
        }
    }
}
