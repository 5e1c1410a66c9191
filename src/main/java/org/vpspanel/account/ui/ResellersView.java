package org.vpspanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Allocation;
import org.vpspanel.resources.Units;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.RowActions;
import org.vpspanel.ui.Notices;

/** The admin's resellers, each with what it may sell. */
@Route("resellers")
@PageTitle("Resellers · VPS Panel")
@Menu(title = "Resellers", order = 20, icon = "vaadin:briefcase")
@RolesAllowed("ADMIN")
class ResellersView extends VerticalLayout {

    private static final Allocation STARTER = new Allocation(10, 20, 32L << 30, 500L << 30, 10);

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    private final TextField filter;

    ResellersView(AccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        filter = LazyGrids.filterField("resellers-filter", "Filter by name or email", grid);
        Button create = RowActions.create("New reseller", "new-reseller", this::openCreate);

        grid.setId("resellers-grid");
        grid.addColumn(AccountSummary::username).setHeader("User name").setKey("username").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(AccountSummary::email).setHeader("Email").setKey("email").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.allocation().partitions()).setHeader("Partitions");
        grid.addColumn(r -> r.allocation().cpus()).setHeader("vCPUs");
        grid.addColumn(r -> Units.humanSize(r.allocation().memory())).setHeader("Memory");
        grid.addColumn(r -> Units.humanSize(r.allocation().disk())).setHeader("Disk");
        grid.addColumn(r -> r.allocation().ipv4Addresses()).setHeader("IPv4");
        grid.addColumn(r -> r.enabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addComponentColumn(r -> {
            Button edit = new Button("Allocation", e -> openAllocation(r));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> accounts.findResellers(filter(), pageable).getContent(),
                pageable -> accounts.countResellers(filter()));

        add(new H2("Resellers"), new HorizontalLayout(filter, create), grid);
    }

    private AccountFilter filter() {
        return new AccountFilter(filter.getValue());
    }

    private void openCreate() {
        NewAccountFields account = new NewAccountFields("reseller");
        AllocationFields allocation = new AllocationFields(STARTER);
        Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>(account.byName());
        fields.putAll(allocation.byName());
        FormDialog dialog = new FormDialog("New reseller", "reseller", () -> fields, () -> {
            var value = allocation.value();
            if (value.isEmpty()) {
                return false;
            }
            AccountSummary created = accounts.createReseller(account.value(), value.get());
            grid.getDataProvider().refreshAll();
            Notices.success("Reseller " + created.username() + " created");
            return true;
        });
        account.addTo(dialog.form());
        allocation.addTo(dialog.form());
        dialog.open();
    }

    private void openAllocation(AccountSummary reseller) {
        AllocationFields allocation = new AllocationFields(reseller.allocation());
        FormDialog dialog = new FormDialog("Allocation of " + reseller.username(), "allocation",
                allocation::byName, () -> {
            var value = allocation.value();
            if (value.isEmpty()) {
                return false;
            }
            accounts.updateAllocation(reseller.id(), value.get());
            grid.getDataProvider().refreshAll();
            Notices.success("Allocation of " + reseller.username() + " saved");
            return true;
        });
        allocation.addTo(dialog.form());
        dialog.open();
    }
}
