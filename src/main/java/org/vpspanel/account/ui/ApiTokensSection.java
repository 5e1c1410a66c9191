package org.vpspanel.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.vpspanel.account.ApiTokenInfo;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.account.NewApiToken;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.FormErrors;
import org.vpspanel.ui.Notices;

/** The user's API tokens: make one (shown once, in a dialog), see when each was last used, revoke. */
class ApiTokensSection extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final Grid<ApiTokenInfo> grid = new Grid<>(ApiTokenInfo.class, false);

    ApiTokensSection(ApiTokenService tokens) {
        this.tokens = tokens;
        setPadding(false);
        setId("api-tokens-section");
        grid.setId("api-tokens");
        grid.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(token -> token.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(token -> time(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : time(token.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No API tokens");
        refresh();

        TextField name = new TextField("Token name");
        name.setId("api-token-name");
        name.setPlaceholder("billing system");
        Button create = new Button("Create token", e -> {
            try {
                NewApiToken created = tokens.create(name.getValue());
                name.clear();
                FormErrors.clear(Map.of("name", name));
                refresh();
                showOnce(created);
            } catch (InvalidInputException error) {
                FormErrors.show(error, Map.of("name", name));
            }
        });
        create.setId("api-token-create");
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("API tokens"), new Paragraph("Scripts and billing systems use the REST API (/api/v1, documented "
                + "at /swagger-ui.html) with a token, as you: with your role, seeing what you see."), grid, form);
    }

    private Button revokeButton(ApiTokenInfo token) {
        Button revoke = new Button(VaadinIcon.TRASH.create(), e -> ConfirmAction.ask("Revoke API token",
                "Revoke the token '" + token.name() + "'? Whatever uses it is refused from now on.", "Revoke", () -> {
                    tokens.revoke(token.id());
                    refresh();
                    Notices.success("Token revoked");
                }));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setAriaLabel("Revoke token " + token.name());
        revoke.setId("api-token-revoke-" + token.id());
        return revoke;
    }

    /** The secret, once: the panel keeps only its hash. */
    private static void showOnce(NewApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setId("api-token-dialog");
        dialog.setHeaderTitle("API token '" + created.info().name() + "'");
        TextField value = new TextField("Token");
        value.setId("api-token-value");
        value.setValue(created.token());
        value.setReadOnly(true);
        value.setWidthFull();
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", created.token());
            Notices.success("Copied");
        });
        copy.setId("api-token-copy");
        Button done = new Button("Done", e -> dialog.close());
        done.setId("api-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Copy the token now: it is shown only this once. Send it as "
                + "'Authorization: Bearer <token>'."), value);
        dialog.getFooter().add(copy, done);
        dialog.setWidth("40rem");
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
