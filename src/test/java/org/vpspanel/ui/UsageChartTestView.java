package org.vpspanel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test-only page: a usage chart with known points, and buttons that change it as a live view would. */
@Route(value = "test/usage-chart", autoLayout = false)
@AnonymousAllowed
public class UsageChartTestView extends VerticalLayout {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(25);

    public UsageChartTestView() {
        UsageChart chart = new UsageChart("%");
        chart.setId("chart");
        chart.setWindow(WINDOW);
        chart.setSeries("CPU %", List.of(point(0, 10), point(10, 20), point(20, 30)));
        chart.setSeries("Steal %", List.of(point(0, 1), point(20, 2)));

        Button append = new Button("Append", e -> chart.appendPoint("CPU %", point(30, 40)));
        append.setId("append");
        Button reattach = new Button("Reattach", e -> {
            remove(chart);
            addComponentAsFirst(chart);
        });
        reattach.setId("reattach");
        add(chart, append, reattach);
        setWidthFull();
    }

    static UsageChart.Point point(int secondsAfterStart, double value) {
        return new UsageChart.Point(START.plusSeconds(secondsAfterStart), value);
    }
}
