package org.vpspanel.node.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.vpspanel.agent.EnrollmentToken;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeOverview;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeStatus;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.resources.Units;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.FormErrors;
import org.vpspanel.ui.FormFields;
import org.vpspanel.ui.Inputs;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.Notices;
import org.vpspanel.ui.RowActions;

/**
 * The admin's host nodes: how each one's agent is doing, its capacity (hardware times overcommit) against what
 * its partitions hold, its addresses, and maintenance.
 */
@Route("nodes")
@PageTitle("Nodes · VPS Panel")
@Menu(title = "Nodes", order = 40, icon = "vaadin:cluster")
@RolesAllowed("ADMIN")
class NodesView extends VerticalLayout {

    /** Beyond this many nodes a change further down the list waits for the next refresh of the grid. */
    private static final int SHOWN_NODES_COMPARED = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NodeService nodes;
    private final Grid<NodeOverview> grid = new Grid<>(NodeOverview.class, false);
    private final TextField filter;
    private Registration polling;
    private List<List<Object>> lastShown = List.of();

    NodesView(NodeService nodes) {
        this.nodes = nodes;
        setSizeFull();
        filter = LazyGrids.filterField("nodes-filter", "Filter by name or address", grid);
        Button create = RowActions.create("Add node", "new-node", () -> openForm(null));
        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(row -> row.node().name()).setHeader("Name").setSortProperty("name").setAutoWidth(true)
                .setFrozen(true);
        grid.addComponentColumn(this::status).setHeader("Status, heartbeat").setAutoWidth(true);
        grid.addComponentColumn(NodesView::agent).setHeader("Agent, kernel").setAutoWidth(true);
        grid.addComponentColumn(row -> twoLines(row.held().cpus() + " of " + row.node().capacity().cpus(),
                row.cpusFree() + " free")).setHeader("vCPUs").setAutoWidth(true)
                .setTooltipGenerator(row -> row.node().cores() + " cores × " + ratio(row.node().cpuOvercommit()));
        grid.addComponentColumn(row -> used(row.held().memory(), row.node().capacity().memory(), row.memoryFree()))
                .setHeader("Memory").setAutoWidth(true)
                .setTooltipGenerator(row -> Units.humanSize(row.node().memory()) + " × "
                        + ratio(row.node().memoryOvercommit()));
        grid.addComponentColumn(row -> used(row.held().disk(), row.node().capacity().disk(), row.diskFree()))
                .setHeader("Disk").setAutoWidth(true)
                .setTooltipGenerator(row -> Units.humanSize(row.node().disk()) + " × " + ratio(row.node().diskOvercommit()));
        grid.addComponentColumn(row -> twoLines(row.addressesUsed() + " used", row.addressesFree() + " free"))
                .setHeader("IPv4").setAutoWidth(true);
        grid.addComponentColumn(NodesView::partitions).setHeader("Partitions").setAutoWidth(true);
        grid.addColumn(row -> row.node().address()).setHeader("Address").setSortProperty("address").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No nodes to show.");
        LazyGrids.bind(grid, pageable -> nodes.overview(filter.getValue(), pageable),
                () -> nodes.count(filter.getValue()), Sort.by("name"));

        add(new H2("Nodes"), new Paragraph("The hosts partitions run on, how their agents are doing and what is "
                + "sold on them. Capacity is what may be sold on a node: its hardware times the overcommit ratios. "
                + "A node in maintenance takes no new partitions; those on it keep running. A remote node's agent is "
                + "added with an enrollment token from vpsctl enroll on that node."), toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Heartbeats arrive every 10 s in the background; the page follows them, so a silent node turns offline here. */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(5000);
        polling = event.getUI().addPollListener(poll -> refreshWhenChanged());
    }

    /**
     * Refreshes the grid only when what it shows changed: a refresh makes every row's buttons anew, and a click
     * on a button being replaced is lost.
     */
    private void refreshWhenChanged() {
        List<List<Object>> now = nodes.overview(filter.getValue(), PageRequest.of(0, SHOWN_NODES_COMPARED, Sort.by("name")))
                .map(NodesView::shown).toList();
        if (!now.equals(lastShown)) {
            lastShown = now;
            grid.getDataProvider().refreshAll();
        }
    }

    /** What a row shows, for comparing: everything but the time of the last heartbeat of an answering agent. */
    private static List<Object> shown(NodeOverview row) {
        NodeSummary node = row.node();
        return Arrays.asList(node.id(), node.name(), node.address(), node.cores(), node.memory(), node.disk(),
                node.cpuOvercommit(), node.memoryOvercommit(), node.diskOvercommit(), node.maintenance(), node.status(),
                heartbeat(node), node.lastError(), node.agentInfo(), node.agentFingerprint(), row.held(),
                row.addressesUsed(), row.addressesFree());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    private HorizontalLayout actions(NodeOverview row) {
        NodeSummary node = row.node();
        HorizontalLayout actions = new HorizontalLayout(
                RowActions.edit("edit-node-" + node.name(), "Edit node " + node.name(), () -> openForm(node)),
                maintenanceToggle(node),
                RowActions.delete("delete-node-" + node.name(), "node " + node.name(),
                        "Delete node '" + node.name() + "'? A node that still has IP pools or partitions is kept.",
                        () -> nodes.delete(node.id()), grid.getDataProvider()::refreshAll));
        actions.setSpacing(false);
        return actions;
    }

    /** Takes the node out of placement, or puts it back, after a confirmation. */
    private Button maintenanceToggle(NodeSummary node) {
        boolean entering = !node.maintenance();
        String label = (entering ? "Start maintenance on " : "End maintenance on ") + node.name();
        Button button = new Button(VaadinIcon.TOOLS.create(), e -> ConfirmAction.ask(label, entering
                ? "Take node '" + node.name() + "' out of placement? It gets no new partitions; those on it keep running."
                : "Put node '" + node.name() + "' back into placement? New partitions may be placed on it again.",
                entering ? "Start maintenance" : "End maintenance", () -> {
            nodes.setMaintenance(node.id(), entering);
            Notices.success("Node " + node.name() + (entering ? " is in maintenance" : " is back in placement"));
            grid.getDataProvider().refreshAll();
        }));
        button.setId("maintenance-node-" + node.name());
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (!entering) {
            button.addThemeVariants(ButtonVariant.LUMO_WARNING);
        }
        return button;
    }

    private void openForm(NodeSummary existing) {
        FormFields fields = new FormFields("node");
        TextField name = fields.required("name", new TextField("Name"));
        name.setHelperText("Lower-case letters, digits and hyphens, e.g. node-1");
        TextField address = fields.required("address", new TextField("Address"));
        address.setHelperText("Where the node's agent listens: host or IPv4 address, and :port (8443 if left out)");
        IntegerField cores = fields.required("cores", new IntegerField("Cores"));
        cores.setStepButtonsVisible(true);
        TextField memory = fields.required("memory", sizeField("Memory", "64G"));
        TextField disk = fields.required("disk", sizeField("Disk", "2T"));
        NumberField cpuOvercommit = fields.required("cpuOvercommit", ratioField("CPU overcommit", 4.0));
        NumberField memoryOvercommit = fields.required("memoryOvercommit", ratioField("Memory overcommit", 1.0));
        NumberField diskOvercommit = fields.required("diskOvercommit", ratioField("Disk overcommit", 1.0));
        TextArea tokenFingerprint = fingerprint("node-token-fingerprint",
                "Agent certificate (SHA-256) in the token: compare it with what vpsctl enroll printed", "");
        TextField token = enrollmentTokenField(fields, address, tokenFingerprint, existing == null
                ? "From vpsctl enroll on the node; leave empty to record the node without its agent"
                : "From vpsctl enroll on the node, to enroll with its agent (again); leave empty to keep the agent as it is");
        if (existing != null) {
            name.setValue(existing.name());
            address.setValue(existing.address());
            cores.setValue(existing.cores());
            memory.setValue(Units.formatSize(existing.memory()));
            disk.setValue(Units.formatSize(existing.disk()));
            cpuOvercommit.setValue(existing.cpuOvercommit());
            memoryOvercommit.setValue(existing.memoryOvercommit());
            diskOvercommit.setValue(existing.diskOvercommit());
        }

        FormDialog dialog = new FormDialog(existing == null ? "New node" : "Edit node " + existing.name(), "node",
                fields::byName, () -> {
            FormErrors.clear(fields.byName());
            Long memoryBytes = Inputs.read(memory, Units::parseSize);
            Long diskBytes = Inputs.read(disk, Units::parseSize);
            boolean numbers = filled(cores, "Enter a whole number") & filled(cpuOvercommit, "Enter a ratio such as 4.0")
                    & filled(memoryOvercommit, "Enter a ratio such as 1.0") & filled(diskOvercommit,
                    "Enter a ratio such as 1.0");
            if (memoryBytes == null || diskBytes == null || !numbers) {
                return false;
            }
            NodeDraft draft = new NodeDraft(name.getValue().trim(), address.getValue().trim(), cores.getValue(),
                    memoryBytes, diskBytes, cpuOvercommit.getValue(), memoryOvercommit.getValue(),
                    diskOvercommit.getValue());
            NodeSummary saved;
            boolean enrolling = !token.getValue().isBlank();
            if (existing != null) {
                saved = enrolling ? nodes.enrollAgent(existing.id(), draft, token.getValue())
                        : nodes.update(existing.id(), draft);
            } else if (enrolling) {
                saved = nodes.addRemote(draft, token.getValue());
            } else {
                saved = nodes.create(draft);
            }
            grid.getDataProvider().refreshAll();
            Notices.success("Node " + saved.name() + (enrolling ? " enrolled: its agent is "
                    + saved.status().label().toLowerCase(Locale.ROOT) : existing != null ? " saved" : " created"));
            return true;
        });
        dialog.setWidth("40rem");
        dialog.form().add(fields.components());
        dialog.form().add(tokenFingerprint);
        if (existing != null && existing.agentFingerprint() != null) {
            dialog.form().add(fingerprint("node-agent-fingerprint", "Agent certificate (SHA-256), pinned", existing.agentFingerprint()));
        }
        dialog.form().add(fingerprint("panel-fingerprint", "This panel's certificate (SHA-256), as vpsctl trust list shows it",
                nodes.panelFingerprint()));
        dialog.open();
        name.focus();
    }

    /**
     * The token from vpsctl enroll. As soon as it is pasted, {@code agentFingerprint} shows the agent certificate
     * it pins, for the admin to compare with what vpsctl printed, and the agent's address is filled in if none
     * was typed.
     */
    private static TextField enrollmentTokenField(FormFields fields, TextField address, TextArea agentFingerprint, String hint) {
        TextField token = fields.optional("token", new TextField("Enrollment token"));
        token.setHelperText(hint);
        token.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        token.getElement().setAttribute("colspan", "2");
        agentFingerprint.setVisible(false);
        token.addValueChangeListener(e -> {
            token.setInvalid(false);
            agentFingerprint.setVisible(false);
            if (token.getValue().isBlank()) {
                return;
            }
            try {
                EnrollmentToken read = EnrollmentToken.decode(token.getValue());
                agentFingerprint.setValue(read.agentFingerprint());
                agentFingerprint.setVisible(true);
                if (address.getValue().isBlank()) {
                    address.setValue(read.address());
                    address.setInvalid(false);
                }
            } catch (IllegalArgumentException bad) {
                token.setErrorMessage(bad.getMessage());
                token.setInvalid(true);
            }
        });
        return token;
    }

    /** A fingerprint to compare by eye: shown whole, wrapped, not editable. */
    private static TextArea fingerprint(String id, String label, String value) {
        TextArea field = new TextArea(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.getElement().setAttribute("colspan", "2");
        return field;
    }

    /** A size typed with its unit, checked as soon as it is typed. */
    private static TextField sizeField(String label, String example) {
        TextField field = new TextField(label);
        field.setHelperText("With a unit: K, M, G or T, e.g. " + example);
        field.addValueChangeListener(e -> Inputs.read(field, Units::parseSize));
        return field;
    }

    private static NumberField ratioField(String label, double initial) {
        NumberField field = new NumberField(label);
        field.setStep(0.1);
        field.setMin(1);
        field.setMax(100);
        field.setStepButtonsVisible(true);
        field.setHelperText("1.0 = no overcommit");
        field.setValue(initial);
        return field;
    }

    /** Whether a number field holds a number; marks it with {@code message} when it does not. */
    private static <F extends HasValue<?, ? extends Number> & HasValidation> boolean filled(F field, String message) {
        boolean filled = field.getValue() != null;
        if (!filled) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        return filled;
    }

    /**
     * The agent's status as a badge, with "Maintenance" beside it while silent, and when the agent last answered;
     * the last error or what the status means as a tooltip.
     */
    private Div status(NodeOverview row) {
        NodeSummary node = row.node();
        Span status = badge(node.status().label(), switch (node.status()) {
            case ONLINE -> "success";
            case OFFLINE -> "error";
            case NOT_ENROLLED, MAINTENANCE -> "contrast";
        });
        status.setId("node-status-" + node.name());
        status.getElement().setAttribute("title", switch (node.status()) {
            case NOT_ENROLLED -> "No host agent is connected: nothing runs on this node yet";
            case ONLINE -> "The agent answers the heartbeat";
            case OFFLINE -> "Silent for more than " + NodeStatus.OFFLINE_AFTER.toSeconds() + " s"
                    + (node.lastError() == null ? "" : ": " + node.lastError());
            case MAINTENANCE -> "The agent answers; taken out of placement, its partitions keep running";
        });
        Div cell = twoLines(null, heartbeat(node));
        cell.addComponentAsFirst(status);
        if (node.maintenance() && node.status() != NodeStatus.MAINTENANCE) {
            Span maintenance = badge(NodeStatus.MAINTENANCE.label(), "contrast");
            maintenance.getStyle().set("margin-left", "var(--lumo-space-xs)");
            cell.addComponentAtIndex(1, maintenance);
        }
        return cell;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    /** When a silent agent last answered; an answering one's time is left out, as it moves every heartbeat. */
    private static String heartbeat(NodeSummary node) {
        if (node.status().answering()) {
            return "answers the heartbeat";
        }
        return node.lastSeenAt() == null ? "never heard from" : "last heard " + TIME.format(node.lastSeenAt());
    }

    /**
     * The agent's version, the node's kernel and cgroup version, as the agent last said; how the panel reaches
     * it (the pinned certificate of a remote one) as a tooltip.
     */
    private static Div agent(NodeOverview row) {
        Map<String, Object> info = row.node().agentInfo();
        if (info.isEmpty()) {
            return twoLines("–", null);
        }
        Div cell = twoLines(String.valueOf(info.getOrDefault("version", "?")), info.getOrDefault("kernel", "?")
                + " · cgroup " + info.getOrDefault("cgroup", "?"));
        String fingerprint = row.node().agentFingerprint();
        cell.getElement().setAttribute("title", "Prefix " + info.getOrDefault("prefix", "?")
                + (fingerprint == null ? ", local socket" : ", TLS, certificate " + fingerprint));
        return cell;
    }

    private static Div used(long held, long capacity, long free) {
        return twoLines(Units.humanSize(held) + " of " + Units.humanSize(capacity),
                free < 0 ? "over by " + Units.humanSize(-free) : Units.humanSize(free) + " free");
    }

    /** A cell of a figure (if any) and, below it in small type, what goes with it (if anything). */
    private static Div twoLines(String figure, String below) {
        Div cell = new Div();
        if (figure != null) {
            cell.add(new Span(figure));
        }
        if (below != null) {
            Div second = new Div(below);
            second.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            cell.add(second);
        }
        return cell;
    }

    /** The count, linking to the partitions grid narrowed to the node. */
    private static Anchor partitions(NodeOverview row) {
        Anchor link = new Anchor("partitions?node=" + row.node().id(), Long.toString(row.held().partitions()));
        link.setId("node-partitions-" + row.node().name());
        link.getElement().setAttribute("title", "Partitions on " + row.node().name());
        return link;
    }

    private static String ratio(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "×";
    }

}
