package org.vpspanel.partition.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.vpspanel.account.Actor;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.partition.JobSummary;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.partition.PartitionUpdates;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.Notices;
import org.vpspanel.ui.Terminal;

/**
 * One partition: its state on the host, the actions its user may take, the job under way (updated as it
 * happens), where it runs, its addresses and everything its plan gives it.
 */
@Route("partitions/:id(\\d+)")
@PageTitle("Partition · VPS Panel")
@PermitAll
class PartitionView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PartitionService partitions;
    private final PartitionUpdates updates;
    private final Actor actor;
    private long partitionId;
    private PartitionSummary shown;
    private UsageGraphs usage;
    private TrafficMeter traffic;
    private Grid<JobSummary> jobGrid;
    private Runnable unsubscribe;
    private com.vaadin.flow.shared.Registration polling;

    PartitionView(PartitionService partitions, PartitionUpdates updates, CurrentUser currentUser) {
        this.partitions = partitions;
        this.updates = updates;
        this.actor = currentUser.require();
    }

    /** The link to a partition's page. */
    static RouteParameters of(long partitionId) {
        return new RouteParameters("id", Long.toString(partitionId));
    }

    /**
     * A grid column's link to each row's partition page, rendered in the browser (no server-side component
     * per row, which made scrolling a long grid slow); the router follows it without reloading the page.
     */
    static <T> LitRenderer<T> link(ToLongFunction<T> partitionId, ValueProvider<T, String> hostname) {
        return LitRenderer.<T>of("<a router-link href=${item.href}>${item.hostname}</a>")
                .withProperty("href", row -> RouteConfiguration.forSessionScope().getUrl(PartitionView.class,
                        of(partitionId.applyAsLong(row))))
                .withProperty("hostname", hostname);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        partitionId = event.getRouteParameters().getLong("id").orElseThrow();
        show(partitions.get(partitionId));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = updates.subscribe(changed -> {
            if (changed == partitionId) {
                ui.access(this::update);
            }
        });
        ui.setPollInterval(5000);
        polling = ui.addPollListener(poll -> update());
    }

    /** Rebuilds the page when the partition changed; refreshes its jobs and usage either way. */
    private void update() {
        PartitionSummary partition = partitions.get(partitionId);
        if (!partition.equals(shown)) {
            show(partition);
        } else {
            jobGrid.setItems(partitions.jobs(partitionId));
            traffic.refresh();
            usage.refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void show(PartitionSummary partition) {
        shown = partition;
        removeAll();
        H2 title = new H2(partition.hostname());
        title.setId("partition-hostname");
        StateBadge state = new StateBadge(partition);
        state.setId("partition-state");
        HorizontalLayout header = new HorizontalLayout(title, state);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);
        add(notice(partition));
        if (partition.state() != PartitionState.DESTROYED && partition.nodeConnected()) {
            add(actions(partition));
        }
        if (partition.state() == PartitionState.RUNNING && partition.nodeConnected()) {
            add(new H3("Console"), console());
        }
        usage = new UsageGraphs(window -> partitions.usage(partitionId, window),
                window -> partitions.limitEvents(partitionId, window));
        traffic = new TrafficMeter(() -> partitions.traffic(partitionId),
                partition.state() == PartitionState.SUSPENDED);
        jobGrid = jobs();
        add(facts(partition), new H3("Usage"), traffic, usage, new H3("Jobs"), jobGrid, new H3("Resources"),
                resources(partition));
    }

    private Div notice(PartitionSummary partition) {
        Div notice = new Div();
        notice.setId("partition-notice");
        notice.addClassName("notice");
        if (partition.activeJob() != null) {
            notice.setText(partition.activeJob().kind().progress() + ": " + partition.activeJob().message());
            notice.setId("partition-job");
        } else if (!partition.nodeConnected() && partition.state() != PartitionState.DESTROYED) {
            notice.setText("Node " + partition.nodeName() + " is not connected: nothing can be done on this "
                    + "partition until its host agent answers again.");
            notice.setId("node-not-connected");
        }
        return notice;
    }

    private HorizontalLayout actions(PartitionSummary partition) {
        boolean busy = partition.activeJob() != null;
        boolean suspended = partition.state() == PartitionState.SUSPENDED;
        boolean running = partition.state() == PartitionState.RUNNING;
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("partition-actions");
        if (!suspended) {
            actions.add(action("start", "Start", !running, partitions::start),
                    action("stop", "Stop", running, partitions::stop),
                    action("restart", "Restart", running, partitions::restart));
            boolean stopped = partition.state() == PartitionState.STOPPED;
            // the agent writes keys and the password into a running partition's files only
            actions.add(dialogButton("reinstall", "Reinstall", true, ReinstallDialog::open, partition),
                    dialogButton("ssh-keys", "SSH keys", running, PartitionSettingsDialogs::sshKeys, partition),
                    dialogButton("hostname-change", "Hostname", running || stopped, PartitionSettingsDialogs::hostname,
                            partition),
                    dialogButton("root-password", "Root password", running, PartitionSettingsDialogs::rootPassword,
                            partition));
        }
        if (!actor.isCustomer()) {
            actions.add(suspended ? action("unsuspend", "Unsuspend", true, partitions::unsuspend)
                    : action("suspend", "Suspend", true, partitions::suspend));
            Button destroy = new Button("Destroy", e -> ConfirmAction.ask("Destroy partition",
                    "Destroy " + partition.hostname() + " with all its files? Its addresses go back to the pool.",
                    "Destroy", () -> partitions.destroy(partition.id()).ifPresent(this::submitted)));
            destroy.setId("partition-destroy");
            destroy.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(destroy);
        }
        actions.getChildren().forEach(child -> ((Button) child).setEnabled(((Button) child).isEnabled() && !busy));
        return actions;
    }

    /** A terminal on the partition, opened on request: a login shell as root inside it. */
    private VerticalLayout console() {
        VerticalLayout console = new VerticalLayout();
        console.setPadding(false);
        Button open = new Button("Open console", e -> {
            Terminal terminal = new Terminal();
            terminal.setId("partition-console");
            terminal.setHeight("360px");
            Span state = new Span("Connecting…");
            state.setId("partition-console-state");
            terminal.addConnectedListener(connected -> state.setText("Connected: a root shell in the partition"));
            terminal.addClosedListener(closed -> state.setText("Closed: " + closed.reason()));
            e.getSource().setVisible(false);
            console.add(state, terminal);
            terminal.connect("console/" + partitionId);
        });
        open.setId("partition-console-open");
        console.add(open);
        return console;
    }

    private Button action(String id, String label, boolean enabled, LongFunction<JobSummary> request) {
        Button button = new Button(label, e -> submitted(request.apply(partitionId)));
        button.setId("partition-" + id);
        button.setEnabled(enabled);
        return button;
    }

    /** A button that opens one of the settings dialogs, which queues its job. */
    private Button dialogButton(String id, String label, boolean enabled, SettingsDialog dialog,
                                PartitionSummary partition) {
        Button button = new Button(label, e -> dialog.open(partition, partitions, this::submitted));
        button.setId("partition-" + id);
        button.setEnabled(enabled);
        return button;
    }

    @FunctionalInterface
    private interface SettingsDialog {
        void open(PartitionSummary partition, PartitionService partitions, Consumer<JobSummary> submitted);
    }

    private void submitted(JobSummary job) {
        Notices.success(job.kind().progress() + " " + partitions.get(partitionId).hostname() + "…");
        show(partitions.get(partitionId));
    }

    private FormLayout facts(PartitionSummary partition) {
        FormLayout facts = new FormLayout();
        facts.setId("partition-facts");
        facts.addFormItem(new Span(partition.customerName()), "Customer");
        facts.addFormItem(new Span(partition.planName()), "Plan");
        facts.addFormItem(new Span(partition.templateName()), "Template");
        facts.addFormItem(new Span(partition.nodeName()), "Node");
        Span addresses = new Span(partition.addresses().isEmpty() ? "none" : String.join(", ", partition.addresses()));
        addresses.setId("partition-addresses");
        facts.addFormItem(addresses, "IPv4 addresses");
        facts.addFormItem(new Span(TIME.format(partition.createdAt())), "Created");
        return facts;
    }

    private Grid<JobSummary> jobs() {
        Grid<JobSummary> jobs = new Grid<>(JobSummary.class, false);
        jobs.setId("partition-jobs");
        jobs.addColumn(job -> TIME.format(job.createdAt())).setHeader("Requested").setAutoWidth(true);
        jobs.addColumn(job -> job.kind().name().toLowerCase().replace('_', ' ')).setHeader("Job").setAutoWidth(true);
        jobs.addColumn(JobSummary::requestedBy).setHeader("By").setAutoWidth(true);
        jobs.addColumn(job -> job.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        jobs.addColumn(JobSummary::message).setHeader("Result").setFlexGrow(1);
        jobs.setItems(partitions.jobs(partitionId));
        jobs.setAllRowsVisible(true);
        return jobs;
    }

    private static Grid<ResourceField> resources(PartitionSummary partition) {
        Grid<ResourceField> resources = new Grid<>(ResourceField.class, false);
        resources.setId("partition-resources");
        resources.addColumn(ResourceField::label).setHeader("Resource").setAutoWidth(true);
        resources.addColumn(field -> field.humanize(partition.resources().get(field))).setHeader("Limit");
        resources.setItems(Arrays.asList(ResourceField.values()));
        resources.setAllRowsVisible(true);
        return resources;
    }
}
