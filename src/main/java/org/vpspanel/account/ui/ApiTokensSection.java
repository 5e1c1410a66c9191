package org.vpspanel.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import org.springframework.data.domain.Sort;
import org.vpspanel.account.ApiTokenInfo;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.account.NewApiToken;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.FormErrors;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.Notices;

/**
 * The user's API tokens: make one (shown once, in a dialog), see when each was last used, revoke. An admin
 * also sees every user's tokens and may revoke any.
 */
class ApiTokensSection extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final Grid<ApiTokenInfo> grid;
    /** Every user's tokens, for an admin; null for everyone else. */
    private final Grid<ApiTokenInfo> allTokens;

    ApiTokensSection(ApiTokenService tokens, boolean admin) {
        this.tokens = tokens;
        setPadding(false);
        setId("api-tokens-section");
        grid = tokenGrid("api-tokens", false);
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
        if (admin) {
            allTokens = tokenGrid("all-api-tokens", true);
            LazyGrids.bind(allTokens, tokens::findAll, tokens::countAll, Sort.by(Sort.Direction.DESC, "createdAt"));
            add(new H3("Every user's API tokens"), allTokens);
        } else {
            allTokens = null;
        }
    }

    private Grid<ApiTokenInfo> tokenGrid(String id, boolean withUser) {
        Grid<ApiTokenInfo> tokenGrid = new Grid<>(ApiTokenInfo.class, false);
        tokenGrid.setId(id);
        if (withUser) {
            tokenGrid.addColumn(ApiTokenInfo::username).setHeader("User").setAutoWidth(true);
        }
        tokenGrid.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true);
        tokenGrid.addColumn(token -> token.prefix() + "…").setHeader("Token").setAutoWidth(true);
        tokenGrid.addColumn(token -> time(token.createdAt())).setHeader("Created").setAutoWidth(true);
        tokenGrid.addColumn(token -> token.lastUsedAt() == null ? "never" : time(token.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true);
        tokenGrid.addComponentColumn(token -> revokeButton(token, id)).setHeader("").setFlexGrow(0);
        return tokenGrid;
    }

    private Button revokeButton(ApiTokenInfo token, String gridId) {
        Button revoke = new Button(VaadinIcon.TRASH.create(), e -> ConfirmAction.ask("Revoke API token",
                "Revoke the token '" + token.name() + "'? Whatever uses it is refused from now on.", "Revoke", () -> {
                    tokens.revoke(token.id());
                    refresh();
                    Notices.success("Token revoked");
                }));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setAriaLabel("Revoke token " + token.name());
        revoke.setId(gridId + "-revoke-" + token.id());
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
        if (allTokens != null) {
            allTokens.getDataProvider().refreshAll();
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
