package org.vpspanel.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.data.domain.Pageable;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.BillingPeriod;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.RowActions;
import org.vpspanel.ui.Notices;

/** Customers: all of them for an admin, its own for a reseller. */
@Route("customers")
@PageTitle("Customers · VPS Panel")
@Menu(title = "Customers", order = 30, icon = "vaadin:users")
@RolesAllowed({"ADMIN", "RESELLER"})
class CustomersView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final AccountService accounts;
    private final boolean admin;
    private final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    private final TextField filter;

    CustomersView(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.admin = currentUser.require().isAdmin();
        setSizeFull();
        filter = LazyGrids.filterField("customers-filter", "Filter by name or email", grid);
        Button create = RowActions.create("New customer", "new-customer", this::openCreate);

        grid.setId("customers-grid");
        grid.addColumn(AccountSummary::username).setHeader("User name").setKey("username").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(AccountSummary::email).setHeader("Email").setKey("email").setSortable(true).setAutoWidth(true);
        grid.addColumn(AccountSummary::fullName).setHeader("Full name").setKey("fullName").setSortable(true);
        if (admin) {
            grid.addColumn(c -> c.resellerName() == null ? "— host —" : c.resellerName()).setHeader("Reseller");
        }
        grid.addColumn(c -> DAY.format(c.createdAt())).setHeader("Since").setKey("createdAt").setSortable(true);
        grid.addComponentColumn(this::billingDay).setHeader("Billing day").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.enabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addComponentColumn(this::enableToggle).setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> accounts.findCustomers(filter(), pageable).getContent(),
                pageable -> accounts.countCustomers(filter()));

        add(new H2("Customers"), new HorizontalLayout(filter, create), grid);
    }

    private AccountFilter filter() {
        return new AccountFilter(filter.getValue());
    }

    private Button enableToggle(AccountSummary customer) {
        Button toggle = new Button(customer.enabled() ? "Disable" : "Enable", e -> {
            Runnable change = () -> {
                accounts.setEnabled(customer.id(), !customer.enabled());
                grid.getDataProvider().refreshAll();
                Notices.success(customer.username() + (customer.enabled() ? " disabled" : " enabled"));
            };
            if (customer.enabled()) {
                ConfirmAction.ask("Disable customer", "Disable " + customer.username()
                        + "? The customer can no longer log in; partitions keep running.", "Disable", change);
            } else {
                change.run();
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return toggle;
    }

    /** The customer's billing day with a button that moves it. */
    private HorizontalLayout billingDay(AccountSummary customer) {
        Button change = RowActions.edit("billing-day-" + customer.username(), "Change the billing day of "
                + customer.username(), () -> openBillingDay(customer));
        HorizontalLayout cell = new HorizontalLayout(new Span(String.valueOf(customer.billingDay())), change);
        cell.setAlignItems(Alignment.CENTER);
        return cell;
    }

    private void openBillingDay(AccountSummary customer) {
        ComboBox<Integer> day = billingDayField();
        day.setValue(customer.billingDay());
        day.setHelperText("The current billing month still ends when it was going to; the next ones start on "
                + "this day");
        FormDialog dialog = new FormDialog("Billing day of " + customer.username(), "billing-day",
                () -> Map.of("billingDay", day), () -> {
            accounts.changeBillingDay(customer.id(), day.getValue());
            grid.getDataProvider().refreshAll();
            Notices.success("The billing month of " + customer.username() + " now starts on day " + day.getValue());
            return true;
        });
        dialog.form().add(day);
        dialog.open();
    }

    /** Days 1-28 (every month has them); typing a day picks it. */
    private static ComboBox<Integer> billingDayField() {
        ComboBox<Integer> day = new ComboBox<>("Billing day");
        day.setId("customer-billing-day");
        day.setItems(IntStream.rangeClosed(BillingPeriod.FIRST_DAY, BillingPeriod.LAST_DAY).boxed().toList());
        day.setItemLabelGenerator(String::valueOf);
        return day;
    }

    private void openCreate() {
        NewAccountFields account = new NewAccountFields("customer");
        ComboBox<Integer> billingDay = billingDayField();
        billingDay.setPlaceholder("The day it is opened");
        billingDay.setHelperText("The day of the month its traffic quota starts again (empty: today, 28 at most)");
        ComboBox<AccountSummary> reseller = new ComboBox<>("Reseller");
        reseller.setId("customer-reseller");
        reseller.setItemLabelGenerator(AccountSummary::username);
        reseller.setHelperText("Empty: a customer of the host");
        Map<String, HasValidation> fields = new HashMap<>(account.byName());
        fields.put("reseller", reseller);
        fields.put("billingDay", billingDay);
        FormDialog dialog = new FormDialog("New customer", "customer", () -> fields, () -> {
            Long resellerId = reseller.getValue() == null ? null : reseller.getValue().id();
            AccountSummary created = accounts.createCustomer(account.value(), resellerId, billingDay.getValue());
            grid.getDataProvider().refreshAll();
            Notices.success("Customer " + created.username() + " created");
            return true;
        });
        account.addTo(dialog.form());
        dialog.form().add(billingDay);
        if (admin) {
            reseller.setItems(accounts.findResellers(AccountFilter.none(), Pageable.ofSize(500)).getContent());
            dialog.form().add(reseller);
        }
        dialog.open();
    }
}
