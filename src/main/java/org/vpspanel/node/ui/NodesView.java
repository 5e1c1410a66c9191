package org.vpspanel.node.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.vpspanel.agent.EnrollmentToken;
import org.vpspanel.node.NodeCapacity;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.resources.Units;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.FormErrors;
import org.vpspanel.ui.FormFields;
import org.vpspanel.ui.Inputs;
import org.vpspanel.ui.LazyGrids;
import org.vpspanel.ui.Notices;
import org.vpspanel.ui.RowActions;

/** The admin's host nodes: their hardware, how far it may be overcommitted, and what that makes sellable. */
@Route("nodes")
@PageTitle("Nodes · VPS Panel")
@Menu(title = "Nodes", order = 40, icon = "vaadin:cluster")
@RolesAllowed("ADMIN")
class NodesView extends VerticalLayout {

    private final NodeService nodes;
    private final Grid<NodeSummary> grid = new Grid<>(NodeSummary.class, false);

    NodesView(NodeService nodes) {
        this.nodes = nodes;
        setSizeFull();
        TextField filter = LazyGrids.filterField("nodes-filter", "Filter by name or address", grid);
        Button create = RowActions.create("Add node", "new-node", () -> openForm(null));
        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("nodes-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(NodeSummary::name).setHeader("Name").setSortProperty("name").setAutoWidth(true)
                .setFlexGrow(1).setFrozen(true);
        grid.addColumn(NodeSummary::address).setHeader("Address").setSortProperty("address").setAutoWidth(true);
        grid.addColumn(NodeSummary::cores).setHeader("Cores").setSortProperty("cores").setAutoWidth(true);
        grid.addColumn(node -> Units.humanSize(node.memory())).setHeader("Memory").setSortProperty("memory")
                .setAutoWidth(true);
        grid.addColumn(node -> Units.humanSize(node.disk())).setHeader("Disk").setSortProperty("disk")
                .setAutoWidth(true);
        grid.addColumn(node -> ratio(node.cpuOvercommit()) + " / " + ratio(node.memoryOvercommit()) + " / "
                + ratio(node.diskOvercommit())).setHeader("Overcommit CPU / mem / disk").setAutoWidth(true);
        grid.addColumn(node -> capacity(node.capacity())).setHeader("Capacity incl. overcommit").setAutoWidth(true);
        grid.addComponentColumn(NodesView::agent).setHeader("Agent").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No nodes to show.");
        LazyGrids.bind(grid, pageable -> nodes.find(filter.getValue(), pageable), () -> nodes.count(filter.getValue()),
                Sort.by("name"));

        add(new H2("Nodes"), new Paragraph("The hosts partitions run on. Capacity is what may be sold on a node: "
                + "its hardware times the overcommit ratios. A node's agent is added with an enrollment token from "
                + "vpsctl enroll on that node."), toolbar, grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout actions(NodeSummary node) {
        HorizontalLayout actions = new HorizontalLayout(
                RowActions.edit("edit-node-" + node.name(), "Edit node " + node.name(), () -> openForm(node)),
                RowActions.delete("delete-node-" + node.name(), "node " + node.name(),
                        "Delete node '" + node.name() + "'? A node that still has IP pools or partitions is kept.",
                        () -> nodes.delete(node.id()), grid.getDataProvider()::refreshAll));
        actions.setSpacing(false);
        return actions;
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
                saved = nodes.update(existing.id(), draft);
                if (enrolling) {
                    saved = nodes.enrollAgent(existing.id(), token.getValue());
                }
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

    /** The agent's status, with what it says of itself or its last error as a tooltip. */
    private static Span agent(NodeSummary node) {
        Span agent = new Span(node.status().label());
        String detail = switch (node.status()) {
            case NOT_ENROLLED -> "No host agent is connected: nothing runs on this node yet";
            case ONLINE -> "Agent " + node.agentInfo().getOrDefault("protocol", "?") + ", cgroup "
                    + node.agentInfo().getOrDefault("cgroup", "?") + ", prefix " + node.agentInfo().getOrDefault("prefix", "?")
                    + (node.agentFingerprint() == null ? ", local socket" : ", TLS, certificate " + node.agentFingerprint());
            case OFFLINE -> "Not heard from since " + node.lastSeenAt() + (node.lastError() == null ? "" : ": " + node.lastError());
            case MAINTENANCE -> "Taken out of placement; its partitions keep running";
        };
        agent.getElement().setAttribute("title", detail);
        return agent;
    }

    private static String ratio(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "×";
    }

    private static String capacity(NodeCapacity capacity) {
        return capacity.cpus() + " vCPU, " + Units.humanSize(capacity.memory()) + ", " + Units.humanSize(capacity.disk());
    }
}
