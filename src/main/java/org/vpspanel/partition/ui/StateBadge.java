package org.vpspanel.partition.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;

/** A partition's state as a coloured badge. */
class StateBadge extends Span {

    /** The state, or what the job under way is doing ("Starting…"). */
    StateBadge(PartitionSummary partition) {
        super(label(partition));
        getElement().setAttribute("theme", theme(partition.state()));
        addClassName(styleClass(partition.state()));
    }

    /** The same badge in a grid column, rendered in the browser: no server-side component per row. */
    static LitRenderer<PartitionSummary> renderer() {
        return LitRenderer.<PartitionSummary>of("<span theme=${item.theme} class=${item.styleClass}>${item.label}</span>")
                .withProperty("theme", partition -> theme(partition.state()))
                .withProperty("styleClass", partition -> styleClass(partition.state()))
                .withProperty("label", StateBadge::label);
    }

    private static String label(PartitionSummary partition) {
        return partition.activeJob() == null ? partition.state().label() : partition.activeJob().kind().progress() + "…";
    }

    private static String theme(PartitionState state) {
        return switch (state) {
            case RUNNING -> "badge success";
            case FAILED, SUSPENDED -> "badge error";
            case STOPPED, DESTROYED -> "badge contrast";
            default -> "badge";
        };
    }

    private static String styleClass(PartitionState state) {
        return "state-" + state.name().toLowerCase();
    }
}
