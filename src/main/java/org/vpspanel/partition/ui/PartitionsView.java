package org.vpspanel.partition.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.vpspanel.account.AccountFilter;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Actor;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.partition.NewPartition;
import org.vpspanel.partition.PartitionFilter;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.partition.PartitionUpdates;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.template.TemplateSummary;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.RowActions;
import org.vpspanel.ui.Notices;

/** The partitions the user may see, newest first; admins and resellers sell new ones here. */
@Route("partitions")
@RouteAlias("")
@PageTitle("Partitions · VPS Panel")
@Menu(title = "Partitions", order = 10, icon = "vaadin:server")
@PermitAll
class PartitionsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final PartitionService partitions;
    private final AccountService accounts;
    private final PlanService plans;
    private final NodeService nodes;
    private final Actor actor;
    private final Grid<PartitionSummary> grid = new Grid<>(PartitionSummary.class, false);
    private final TextField hostnameFilter = LazyGrids.filterField("partitions-filter", "Filter by hostname", grid);
    private final Select<PartitionState> stateFilter = new Select<>();
    private final Select<NodeSummary> nodeFilter = new Select<>();

    private final PartitionUpdates updates;
    private Runnable unsubscribe;

    PartitionsView(PartitionService partitions, AccountService accounts, PlanService plans,
                   NodeService nodes, PartitionUpdates updates, CurrentUser currentUser) {
        this.updates = updates;
        this.partitions = partitions;
        this.accounts = accounts;
        this.plans = plans;
        this.nodes = nodes;
        this.actor = currentUser.require();
        setSizeFull();

        filter(stateFilter, "partitions-state-filter", "Any state", List.of(PartitionState.values()),
                PartitionState::label);
        HorizontalLayout toolbar = new HorizontalLayout(hostnameFilter, stateFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (actor.isAdmin()) {
            filter(nodeFilter, "partitions-node-filter", "Any node", nodes.all(), NodeSummary::name);
            toolbar.add(nodeFilter);
        }
        if (!actor.isCustomer()) {
            toolbar.add(RowActions.create("New partition", "new-partition", this::openCreate));
        }

        grid.setId("partitions-grid");
        grid.addColumn(PartitionView.link(PartitionSummary::id, PartitionSummary::hostname))
                .setHeader("Hostname").setKey("hostname").setSortable(true).setAutoWidth(true);
        if (!actor.isCustomer()) {
            grid.addColumn(PartitionSummary::customerName).setHeader("Customer").setAutoWidth(true);
        }
        grid.addColumn(PartitionSummary::planName).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(p -> String.join(", ", p.addresses())).setHeader("IPv4").setAutoWidth(true);
        grid.addColumn(PartitionSummary::nodeName).setHeader("Node").setAutoWidth(true);
        grid.addColumn(StateBadge.renderer()).setHeader("State").setKey("state").setSortable(true);
        grid.addColumn(p -> DAY.format(p.createdAt())).setHeader("Created").setKey("createdAt").setSortable(true);
        LazyGrids.bind(grid, pageable -> partitions.find(filter(), pageable), () -> partitions.count(filter()),
                Sort.by(Sort.Direction.DESC, "id"));

        add(new H2("Partitions"), toolbar, grid);
    }

    /** Rows follow jobs and the hosts as they change, by push; changes that come while a refresh waits join it. */
    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        unsubscribe = updates.subscribe(changed -> {
            if (pending.compareAndSet(false, true)) {
                ui.access(() -> {
                    pending.set(false);
                    grid.getDataProvider().refreshAll();
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }

    /** Sets up a select that narrows the grid to one of the items, or to none ({@code any}). */
    private <T> void filter(Select<T> select, String id, String any, List<T> items, Function<T, String> label) {
        select.setId(id);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        select.setItems(items);
        select.setItemLabelGenerator(item -> item == null ? any : label.apply(item));
        select.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    /** {@code ?node=ID} (the nodes page links so) narrows the list to the partitions on that node. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (actor.isAdmin()) {
            event.getLocation().getQueryParameters().getSingleParameter("node").ifPresent(id -> nodeFilter
                    .getListDataView().getItems().filter(node -> node.id().toString().equals(id)).findFirst()
                    .ifPresent(nodeFilter::setValue));
        }
    }

    private PartitionFilter filter() {
        return new PartitionFilter(hostnameFilter.getValue(), stateFilter.getValue(),
                nodeFilter.getValue() == null ? null : nodeFilter.getValue().id());
    }

    private void openCreate() {
        ComboBox<AccountSummary> customer = new ComboBox<>("Customer");
        customer.setId("partition-customer");
        customer.setRequiredIndicatorVisible(true);
        customer.setItemLabelGenerator(AccountSummary::username);
        customer.setItemsPageable((pageable, text) -> accounts.findCustomers(new AccountFilter(text), pageable)
                .getContent(), (pageable, text) -> accounts.countCustomers(new AccountFilter(text)));
        Select<PlanSummary> plan = new Select<>();
        plan.setLabel("Plan");
        plan.setId("partition-plan");
        plan.setItemLabelGenerator(PlanSummary::name);
        plan.setHelperText("Choose a customer first");
        customer.addValueChangeListener(e -> {
            plan.setItems(e.getValue() == null ? java.util.List.of() : plansFor(e.getValue()));
            plan.setHelperText(null);
        });
        Select<TemplateSummary> template = new Select<>();
        template.setLabel("Template");
        template.setId("partition-template");
        template.setItemLabelGenerator(TemplateSummary::name);
        template.setHelperText("Choose a plan first: each plan offers its own templates");
        plan.addValueChangeListener(e -> {
            template.setItems(e.getValue() == null ? java.util.List.of() : e.getValue().templates());
            template.setHelperText(null);
        });
        TextField hostname = new TextField("Hostname");
        hostname.setId("partition-hostname");
        hostname.setRequiredIndicatorVisible(true);
        hostname.setPlaceholder("web1.example.com");
        Select<NodeSummary> node = new Select<>();
        node.setLabel("Node");
        node.setId("partition-node");
        node.setEmptySelectionAllowed(true);
        node.setEmptySelectionCaption("Automatic placement");
        node.setItemLabelGenerator(n -> n == null ? "Automatic placement" : n.name());
        node.setItems(nodes.all());

        Map<String, HasValidation> fields = Map.of("customer", customer, "plan", plan, "template", template,
                "hostname", hostname, "node", node);
        FormDialog dialog = new FormDialog("New partition", "partition", () -> fields, () -> {
            PartitionSummary created = partitions.create(new NewPartition(
                    customer.getValue() == null ? null : customer.getValue().id(),
                    plan.getValue() == null ? null : plan.getValue().id(),
                    template.getValue() == null ? null : template.getValue().id(),
                    hostname.getValue().trim(), node.getValue() == null ? null : node.getValue().id()));
            grid.getDataProvider().refreshAll();
            Notices.success("Partition " + created.hostname() + " created on " + created.nodeName() + " with "
                    + String.join(", ", created.addresses()));
            return true;
        });
        dialog.form().add(customer, plan, template, hostname);
        if (actor.isAdmin()) {
            dialog.form().add(node);
        }
        dialog.open();
    }

    /** Plans that may be sold to this customer: global ones and its reseller's own. */
    private java.util.List<PlanSummary> plansFor(AccountSummary customer) {
        return plans.find("", Pageable.ofSize(1000)).stream()
                .filter(p -> p.global() || Objects.equals(p.ownerId(), customer.resellerId())).toList();
    }
}
