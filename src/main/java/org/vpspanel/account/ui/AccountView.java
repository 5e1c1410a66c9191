package org.vpspanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Role;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.FormErrors;
import org.vpspanel.ui.Notices;

/** Every user's own account: profile, password, SSH public keys and API tokens. */
@Route("account")
@PageTitle("My account · VPS Panel")
@Menu(title = "My account", order = 90, icon = "vaadin:user")
@PermitAll
class AccountView extends VerticalLayout {

    private final AccountService accounts;
    private final SshKeyService sshKeys;
    private final Grid<SshKeyInfo> keyGrid = new Grid<>(SshKeyInfo.class, false);

    AccountView(AccountService accounts, SshKeyService sshKeys, ApiTokenService apiTokens) {
        this.accounts = accounts;
        this.sshKeys = sshKeys;
        AccountSummary me = accounts.me();
        add(new H2("My account"), new Paragraph("Signed in as " + me.username() + " (" + me.role().name().toLowerCase()
                + (me.resellerName() == null ? "" : ", customer of " + me.resellerName()) + ")"));
        add(profileForm(me), passwordForm(), sshKeySection(), new ApiTokensSection(apiTokens, me.role() == Role.ADMIN));
    }

    private FormLayout profileForm(AccountSummary me) {
        EmailField email = new EmailField("Email");
        email.setId("profile-email");
        email.setValue(me.email());
        TextField fullName = new TextField("Full name");
        fullName.setId("profile-full-name");
        fullName.setValue(me.fullName());
        Map<String, EmailField> emailField = Map.of("email", email);
        Button save = new Button("Save profile", e -> {
            try {
                accounts.updateMyProfile(email.getValue(), fullName.getValue());
                FormErrors.clear(emailField);
                Notices.success("Profile saved");
            } catch (InvalidInputException error) {
                FormErrors.show(error, Map.of("email", email, "fullName", fullName));
            }
        });
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new FormLayout(email, fullName, save);
    }

    private FormLayout passwordForm() {
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least 10 characters");
        Button change = new Button("Change password", e -> {
            try {
                accounts.changeMyPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                FormErrors.clear(Map.of("currentPassword", current, "newPassword", next));
                Notices.success("Password changed");
            } catch (InvalidInputException error) {
                FormErrors.show(error, Map.of("currentPassword", current, "newPassword", next));
            }
        });
        change.setId("change-password");
        return new FormLayout(current, next, change);
    }

    private VerticalLayout sshKeySection() {
        keyGrid.setId("ssh-keys");
        keyGrid.addColumn(SshKeyInfo::name).setHeader("Name").setAutoWidth(true);
        keyGrid.addColumn(SshKeyInfo::fingerprint).setHeader("Fingerprint").setAutoWidth(true);
        keyGrid.addComponentColumn(key -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> ConfirmAction.ask("Remove SSH key",
                    "Remove the key '" + key.name() + "'? Partitions keep the copies already installed.", "Remove",
                    () -> {
                        sshKeys.remove(key.id());
                        refreshKeys();
                        Notices.success("Key removed");
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove key " + key.name());
            return remove;
        }).setHeader("").setFlexGrow(0);
        keyGrid.setAllRowsVisible(true);
        refreshKeys();

        TextField name = new TextField("Key name");
        name.setId("ssh-key-name");
        TextArea publicKey = new TextArea("Public key");
        publicKey.setId("ssh-key-value");
        publicKey.setPlaceholder("ssh-ed25519 AAAA... you@laptop");
        Button add = new Button("Add key", e -> {
            try {
                sshKeys.add(name.getValue(), publicKey.getValue());
                name.clear();
                publicKey.clear();
                FormErrors.clear(Map.of("name", name, "publicKey", publicKey));
                refreshKeys();
                Notices.success("Key added");
            } catch (InvalidInputException error) {
                FormErrors.show(error, Map.of("name", name, "publicKey", publicKey));
            }
        });
        add.setId("ssh-key-add");
        FormLayout form = new FormLayout(name, publicKey, add);
        form.setColspan(publicKey, 2);
        VerticalLayout section = new VerticalLayout(new H2("SSH keys"), keyGrid, form);
        section.setPadding(false);
        return section;
    }

    private void refreshKeys() {
        keyGrid.setItems(sshKeys.myKeys());
    }
}
