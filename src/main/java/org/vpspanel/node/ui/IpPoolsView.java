package org.vpspanel.node.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.IpPoolSummary;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.ui.FormDialog;
import org.vpspanel.ui.FormFields;
import org.vpspanel.ui.Notices;
import org.vpspanel.ui.RowActions;

/** The admin's IPv4 pools: which node each belongs to, its range, and how much of it is handed out. */
@Route("ip-pools")
@PageTitle("IP pools · VPS Panel")
@Menu(title = "IP pools", order = 50, icon = "vaadin:sitemap")
@RolesAllowed("ADMIN")
class IpPoolsView extends VerticalLayout {

    private final IpPoolService pools;
    private final NodeService nodes;
    private final Grid<IpPoolSummary> grid = new Grid<>(IpPoolSummary.class, false);

    IpPoolsView(IpPoolService pools, NodeService nodes) {
        this.pools = pools;
        this.nodes = nodes;
        setSizeFull();
        Button create = RowActions.create("New IP pool", "new-ip-pool", this::openForm);

        grid.setId("ip-pools-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(IpPoolSummary::name).setHeader("Name").setSortable(true).setAutoWidth(true).setFlexGrow(1)
                .setFrozen(true);
        grid.addColumn(IpPoolSummary::nodeName).setHeader("Node").setSortable(true).setAutoWidth(true);
        grid.addColumn(IpPoolSummary::cidr).setHeader("CIDR").setAutoWidth(true);
        grid.addColumn(IpPoolSummary::gateway).setHeader("Gateway").setAutoWidth(true);
        grid.addColumn(pool -> pool.rangeStart() + " – " + pool.rangeEnd()).setHeader("Range").setAutoWidth(true);
        grid.addColumn(IpPoolSummary::used).setHeader("Used").setSortable(true).setAutoWidth(true);
        grid.addColumn(IpPoolSummary::free).setHeader("Free").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(pool -> RowActions.delete("delete-ip-pool-" + pool.name(), "IP pool " + pool.name(),
                "Delete IP pool '" + pool.name() + "' (" + pool.cidr() + ")? A pool with addresses in use is kept.",
                () -> pools.delete(pool.id()), this::refresh)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No IP pools yet. Add a node first, then a pool for it with 'New IP pool'.");
        refresh();

        add(new H2("IP pools"), new Paragraph("IPv4 addresses each node hands to its partitions. The gateway is never "
                + "handed out."), create, grid);
        setFlexGrow(1, grid);
    }

    private void openForm() {
        FormFields fields = new FormFields("ip-pool");
        TextField name = fields.required("name", new TextField("Name"));
        name.setHelperText("e.g. node-1-public");
        ComboBox<NodeSummary> node = fields.required("node", new ComboBox<>("Node"));
        List<NodeSummary> choices = nodes.all();
        node.setItems(choices);
        node.setItemLabelGenerator(NodeSummary::name);
        node.setHelperText(choices.isEmpty() ? "No nodes yet: add one under Nodes first" : null);
        TextField cidr = fields.required("cidr", new TextField("CIDR"));
        cidr.setPlaceholder("10.10.0.0/24");
        TextField gateway = fields.required("gateway", new TextField("Gateway"));
        gateway.setPlaceholder("10.10.0.1");
        TextField rangeStart = fields.required("rangeStart", new TextField("Range start"));
        rangeStart.setPlaceholder("10.10.0.10");
        TextField rangeEnd = fields.required("rangeEnd", new TextField("Range end"));
        rangeEnd.setPlaceholder("10.10.0.250");

        FormDialog dialog = new FormDialog("New IP pool", "ip-pool", fields::byName, () -> {
            IpPoolSummary pool = pools.create(new IpPoolDraft(name.getValue().trim(),
                    node.getValue() == null ? null : node.getValue().id(), cidr.getValue().trim(),
                    gateway.getValue().trim(), rangeStart.getValue().trim(), rangeEnd.getValue().trim()));
            refresh();
            Notices.success("IP pool " + pool.name() + " created with " + pool.free() + " free addresses");
            return true;
        });
        dialog.setWidth("40rem");
        dialog.form().add(fields.components());
        dialog.open();
        name.focus();
    }

    private void refresh() {
        grid.setItems(pools.all());
    }
}
