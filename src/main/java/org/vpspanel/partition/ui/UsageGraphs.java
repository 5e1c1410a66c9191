package org.vpspanel.partition.ui;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.vpspanel.partition.LimitEvent;
import org.vpspanel.partition.UsagePoint;
import org.vpspanel.partition.UsageWindow;
import org.vpspanel.resources.Units;
import org.vpspanel.ui.UsageChart;

/**
 * A partition's usage: the latest figures, graphs of CPU, memory, network and disk, and the times the kernel
 * held it back (limit events), over the last hour, day or month, as the user chooses.
 */
class UsageGraphs extends VerticalLayout {

    private static final double MIB = 1024 * 1024;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Function<UsageWindow, List<UsagePoint>> source;
    private final Function<UsageWindow, List<LimitEvent>> limitEvents;
    private final Grid<LimitEvent> events = new Grid<>(LimitEvent.class, false);
    private final Span latest = new Span();
    private final UsageChart cpu = chart("cpu", "%");
    private final UsageChart memory = chart("memory", "MiB");
    private final UsageChart network = chart("network", "Mbit/s");
    private final UsageChart disk = chart("disk", "MiB/s");
    private UsageWindow window = UsageWindow.HOUR;

    UsageGraphs(Function<UsageWindow, List<UsagePoint>> source, Function<UsageWindow, List<LimitEvent>> limitEvents) {
        this.source = source;
        this.limitEvents = limitEvents;
        events.setId("limit-events");
        events.addColumn(event -> TIME.format(event.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(LimitEvent::describe).setHeader("What the kernel did");
        events.setAllRowsVisible(true);
        events.setEmptyStateText("The kernel has not held this partition back in this time.");
        setPadding(false);
        setId("usage");
        latest.setId("usage-latest");
        Tabs windows = new Tabs(new Tab("Last hour"), new Tab("Last day"), new Tab("Last month"));
        windows.setId("usage-window");
        windows.addSelectedChangeListener(e -> {
            window = UsageWindow.values()[windows.getSelectedIndex()];
            refresh();
        });
        HorizontalLayout cpuAndMemory = new HorizontalLayout(titled("CPU", cpu), titled("Memory", memory));
        HorizontalLayout networkAndDisk = new HorizontalLayout(titled("Network", network), titled("Disk I/O", disk));
        cpuAndMemory.setWidthFull();
        networkAndDisk.setWidthFull();
        add(latest, windows, cpuAndMemory, networkAndDisk, new H4("Limit events"), events);
        refresh();
    }

    /** Reads the window's points again and redraws. */
    void refresh() {
        List<UsagePoint> points = source.apply(window);
        for (UsageChart chart : List.of(cpu, memory, network, disk)) {
            chart.setWindow(window.span());
        }
        cpu.setSeries("CPU", series(points, UsagePoint::cpuPercent));
        memory.setSeries("Memory", series(points, p -> p.memoryBytes() / MIB));
        memory.setSeries("Swap", series(points, p -> p.swapBytes() / MIB));
        network.setSeries("In", series(points, p -> p.netInBytesPerSecond() * 8 / 1e6));
        network.setSeries("Out", series(points, p -> p.netOutBytesPerSecond() * 8 / 1e6));
        disk.setSeries("Read", series(points, p -> p.diskReadBytesPerSecond() / MIB));
        disk.setSeries("Write", series(points, p -> p.diskWriteBytesPerSecond() / MIB));
        events.setItems(limitEvents.apply(window));
        latest.setText(points.isEmpty() ? "No usage yet: figures arrive every few seconds while the partition runs."
                : describe(points.getLast()));
    }

    private static String describe(UsagePoint p) {
        return String.format(java.util.Locale.ROOT, "CPU %.1f %% · memory %s · %d processes · disk %s of %s, "
                        + "%,d files · network in %s, out %s", p.cpuPercent(), Units.humanSize(p.memoryBytes()),
                p.processes(), Units.humanSize(p.diskUsedBytes()), Units.humanSize(p.diskTotalBytes()), p.inodesUsed(),
                Units.humanRate((long) (p.netInBytesPerSecond() * 8)), Units.humanRate((long) (p.netOutBytesPerSecond() * 8)));
    }

    private static List<UsageChart.Point> series(List<UsagePoint> points, ToDoubleFunction<UsagePoint> value) {
        return points.stream().map(p -> new UsageChart.Point(p.at(), value.applyAsDouble(p))).toList();
    }

    private static UsageChart chart(String id, String unit) {
        UsageChart chart = new UsageChart(unit);
        chart.setId("usage-" + id);
        chart.setHeight("220px");
        return chart;
    }

    private static VerticalLayout titled(String title, UsageChart chart) {
        VerticalLayout box = new VerticalLayout(new H4(title), chart);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }
}
