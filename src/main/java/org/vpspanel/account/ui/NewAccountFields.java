package org.vpspanel.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import org.vpspanel.account.NewAccount;

/** The fields every new account has, for the reseller and customer forms. */
class NewAccountFields {

    private final TextField username = new TextField("User name");
    private final EmailField email = new EmailField("Email");
    private final TextField fullName = new TextField("Full name");
    private final PasswordField password = new PasswordField("Initial password");

    NewAccountFields(String idPrefix) {
        username.setId(idPrefix + "-username");
        username.setRequiredIndicatorVisible(true);
        username.setHelperText("3-32 lower-case letters, digits, . _ -");
        email.setId(idPrefix + "-email");
        email.setRequiredIndicatorVisible(true);
        fullName.setId(idPrefix + "-full-name");
        password.setId(idPrefix + "-password");
        password.setRequiredIndicatorVisible(true);
        password.setHelperText("At least 10 characters; the user can change it");
    }

    void addTo(FormLayout form) {
        form.add(username, email, fullName, password);
    }

    NewAccount value() {
        return new NewAccount(username.getValue().trim(), email.getValue(), fullName.getValue(), password.getValue());
    }

    /** The fields by the names the account service reports violations with. */
    Map<String, HasValidation> byName() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("username", username);
        fields.put("email", email);
        fields.put("fullName", fullName);
        fields.put("password", password);
        return fields;
    }
}
