package org.vpspanel.partition.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.vpspanel.partition.OverQuota;
import org.vpspanel.partition.TrafficUsage;
import org.vpspanel.resources.Units;

/** The partition's traffic this billing month against its quota, and what the quota did if it is used up. */
class TrafficMeter extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Supplier<TrafficUsage> traffic;
    private final boolean suspended;
    private final Span summary = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span state = new Span();

    /** {@code suspended}: whether the partition is suspended now (its reseller may have unsuspended it since). */
    TrafficMeter(Supplier<TrafficUsage> traffic, boolean suspended) {
        this.traffic = traffic;
        this.suspended = suspended;
        setId("partition-traffic");
        setPadding(false);
        setSpacing(false);
        summary.setId("partition-traffic-summary");
        bar.setId("partition-traffic-bar");
        bar.setWidth("24em");
        state.setId("partition-traffic-state");
        add(summary, bar, state);
        refresh();
    }

    void refresh() {
        TrafficUsage usage = traffic.get();
        // the period ends at 00:00 UTC on the billing day: that day is when it resets
        summary.setText("Traffic this billing month: " + Units.humanSize(usage.usedBytes()) + " of "
                + (usage.unlimited() ? "unlimited" : Units.humanSize(usage.quotaBytes())) + " (resets on "
                + DAY.format(usage.periodEnd()) + ")");
        bar.setVisible(!usage.unlimited());
        bar.setValue(usage.fractionUsed());
        bar.removeThemeVariants(ProgressBarVariant.LUMO_ERROR);
        boolean throttled = usage.overQuota() == OverQuota.THROTTLED;
        boolean suspendedForTraffic = usage.overQuota() == OverQuota.SUSPENDED && suspended;
        state.setVisible(throttled || suspendedForTraffic);
        if (throttled) {
            state.setText("The quota is used up: network throttled to " + Units.humanRate(usage.throttleRate())
                    + " each way until it resets");
        } else if (suspendedForTraffic) {
            state.setText("The quota is used up: suspended for traffic until it resets");
        }
        if (usage.overQuota() != null) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
    }
}
