package org.vpspanel.partition.ui;

import com.vaadin.flow.component.html.Span;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;

/** A partition's state as a coloured badge. */
class StateBadge extends Span {

    /** The state, or what the job under way is doing ("Starting…"). */
    StateBadge(PartitionSummary partition) {
        super(partition.activeJob() == null ? partition.state().label() : partition.activeJob().kind().progress() + "…");
        PartitionState state = partition.state();
        getElement().getThemeList().add("badge");
        switch (state) {
            case RUNNING -> getElement().getThemeList().add("success");
            case FAILED, SUSPENDED -> getElement().getThemeList().add("error");
            case STOPPED, DESTROYED -> getElement().getThemeList().add("contrast");
            default -> { }
        }
        addClassName("state-" + state.name().toLowerCase());
    }
}
