package org.vpspanel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A time-series line chart (ECharts, frontend/usage-chart.js) for usage figures: named series over time, one
 * unit on the y axis (so one chart per unit, e.g. "%" for CPU, "MiB" for memory). It fills its container's
 * width and follows it when the window resizes.
 *
 * <p>The chart keeps its points on the server too, so that it shows them again when it is attached anew;
 * {@link #appendPoint} sends only the new point to the browser.
 */
@Tag("vps-usage-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./usage-chart.js")
public class UsageChart extends Component implements HasSize {

    /** One measurement. */
    public record Point(Instant time, double value) {
    }

    /** A point as the browser takes it: epoch milliseconds, as ECharts' time axis expects. */
    private record BrowserPoint(long time, double value) {
    }

    private record BrowserSeries(String name, List<BrowserPoint> points) {
    }

    private final String unit;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private Duration window = Duration.ZERO;
    private boolean redrawScheduled;

    /** @param unit labels the y axis and the values in the tooltip, e.g. "%" or "MiB" */
    public UsageChart(String unit) {
        this.unit = unit;
        setWidthFull();
        setHeight("300px");
        addAttachListener(attached -> scheduleRedraw());
        addDetachListener(detached -> redrawScheduled = false);
    }

    /**
     * Makes {@link #appendPoint} drop the points older than this before the newest one, so that a live chart
     * shows e.g. the last hour. Zero (the default) keeps all points.
     */
    public void setWindow(Duration window) {
        this.window = window;
        scheduleRedraw();
    }

    /** Sets (or adds) a series with its points in time order; series are drawn in the order first set. */
    public void setSeries(String name, List<Point> points) {
        series.put(name, new ArrayList<>(points));
        scheduleRedraw();
    }

    /** Adds a point, newer than the series' last one, to the end of a series and shows it at once. */
    public void appendPoint(String seriesName, Point point) {
        List<Point> points = series.get(seriesName);
        if (points == null) {
            throw new IllegalArgumentException("no series named " + seriesName);
        }
        points.add(point);
        if (!window.isZero()) {
            Instant oldestShown = point.time().minus(window);
            points.removeIf(p -> p.time().isBefore(oldestShown));
        }
        if (isAttached() && !redrawScheduled) {
            getElement().callJsFunction("appendPoint", seriesName, point.time().toEpochMilli(), point.value());
        }
    }

    /** Sends all series once, just before the next response, however many changes come before it. */
    private void scheduleRedraw() {
        if (redrawScheduled || !isAttached()) {
            return; // not attached: the attach listener schedules it
        }
        redrawScheduled = true;
        getUI().orElseThrow().beforeClientResponse(this, context -> {
            redrawScheduled = false;
            List<BrowserSeries> all = series.entrySet().stream()
                    .map(s -> new BrowserSeries(s.getKey(), s.getValue().stream()
                            .map(p -> new BrowserPoint(p.time().toEpochMilli(), p.value())).toList()))
                    .toList();
            getElement().callJsFunction("setSeries", unit, window.toMillis(), all);
        });
    }
}
