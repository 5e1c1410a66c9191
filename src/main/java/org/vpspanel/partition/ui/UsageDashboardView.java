package org.vpspanel.partition.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.function.Function;
import org.vpspanel.partition.ConsumerFigures;
import org.vpspanel.partition.NodeUsageTotals;
import org.vpspanel.partition.TopConsumers;
import org.vpspanel.partition.UsageDashboard;
import org.vpspanel.resources.Units;

/** The admin's usage across all nodes: node totals and the partitions that use most CPU, memory and traffic. */
@Route("usage")
@PageTitle("Usage · VPS Panel")
@Menu(title = "Usage", order = 45, icon = "vaadin:chart")
@RolesAllowed("ADMIN")
class UsageDashboardView extends VerticalLayout {

    private static final int TOP = 10;

    private final UsageDashboard dashboard;
    private final Grid<NodeUsageTotals> nodeGrid = new Grid<>(NodeUsageTotals.class, false);
    private final Grid<ConsumerFigures> cpuGrid = ranking("top-cpu", "CPU", figures -> percent(figures.cpuPercent()));
    private final Grid<ConsumerFigures> memoryGrid = ranking("top-memory", "Memory",
            figures -> Units.humanSize(figures.memoryBytes()));
    private final Grid<ConsumerFigures> trafficGrid = ranking("top-traffic", "Traffic",
            figures -> Units.humanSize(figures.trafficBytes()));
    private Registration polling;

    UsageDashboardView(UsageDashboard dashboard) {
        this.dashboard = dashboard;
        nodeGrid.setId("node-usage");
        nodeGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        nodeGrid.setAllRowsVisible(true);
        nodeGrid.addColumn(NodeUsageTotals::nodeName).setHeader("Node").setAutoWidth(true);
        nodeGrid.addColumn(NodeUsageTotals::running).setHeader("Running partitions").setAutoWidth(true);
        nodeGrid.addColumn(totals -> percent(totals.cpuPercent())).setHeader("CPU, last hour").setAutoWidth(true);
        nodeGrid.addColumn(totals -> Units.humanSize(totals.memoryBytes())).setHeader("Memory now").setAutoWidth(true);
        nodeGrid.addColumn(totals -> Units.humanSize(totals.trafficBytes()))
                .setHeader("Traffic, " + UsageDashboard.TRAFFIC_DAYS + " days").setAutoWidth(true);
        nodeGrid.setEmptyStateText("No nodes yet.");

        FlexLayout rankings = new FlexLayout(
                section("CPU, average over the last hour", cpuGrid),
                section("Memory, latest sample", memoryGrid),
                section("Traffic in and out, last " + UsageDashboard.TRAFFIC_DAYS + " days", trafficGrid));
        rankings.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        rankings.getStyle().set("gap", "var(--lumo-space-l)");
        rankings.setWidthFull();

        add(new H2("Usage"), new Paragraph("Across all nodes, from the usage samples taken every 10 s. CPU is in "
                + "percent of one core (200% = two cores busy)."), new H3("Nodes"), nodeGrid, rankings);
        refresh();
    }

    /** Samples arrive every 10 s; so does the page. */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(10_000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        TopConsumers top = dashboard.topConsumers(TOP);
        nodeGrid.setItems(top.nodes());
        cpuGrid.setItems(top.byCpu());
        memoryGrid.setItems(top.byMemory());
        trafficGrid.setItems(top.byTraffic());
    }

    private static VerticalLayout section(String title, Grid<ConsumerFigures> grid) {
        VerticalLayout section = new VerticalLayout(new H3(title), grid);
        section.setPadding(false);
        section.setWidth("24rem");
        section.setMaxWidth("100%");
        return section;
    }

    /** A ranked table of partitions by one measure, each linking to its partition's page. */
    private static Grid<ConsumerFigures> ranking(String id, String measure, Function<ConsumerFigures, String> value) {
        Grid<ConsumerFigures> grid = new Grid<>(ConsumerFigures.class, false);
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(PartitionView.link(ConsumerFigures::partitionId, ConsumerFigures::hostname))
                .setHeader("Partition").setFlexGrow(1);
        grid.addColumn(ConsumerFigures::nodeName).setHeader("Node").setAutoWidth(true);
        grid.addColumn(value::apply).setHeader(measure).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.setEmptyStateText("Nothing used yet.");
        return grid;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
