package org.vpspanel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one form, by the names a service's violations use (for {@link FormDialog} and
 * {@link FormErrors}). Each field gets the id {@code <prefix>-<name>} with its camel-case name in kebab case
 * (prefix "node", name "cpuOvercommit": {@code node-cpu-overcommit}), shows the required indicator, and is
 * marked invalid only when told to, so the messages shown are the service's and the form's own.
 */
public final class FormFields {

    private final String idPrefix;
    private final Map<String, HasValidation> byName = new LinkedHashMap<>();

    public FormFields(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Registers a field that must be filled in. */
    public <F extends Component & HasValidation & HasValue<?, ?>> F required(String name, F field) {
        optional(name, field).setRequiredIndicatorVisible(true);
        return field;
    }

    /** Registers a field that may be left empty. */
    public <F extends Component & HasValidation & HasValue<?, ?>> F optional(String name, F field) {
        field.setId(idPrefix + "-" + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
        field.setManualValidation(true);
        byName.put(name, field);
        return field;
    }

    /** The fields by name, in the order they were registered. */
    public Map<String, HasValidation> byName() {
        return byName;
    }

    /** The fields as components, in the order they were registered, to add to a form layout. */
    public Component[] components() {
        return byName.values().stream().map(Component.class::cast).toArray(Component[]::new);
    }
}
