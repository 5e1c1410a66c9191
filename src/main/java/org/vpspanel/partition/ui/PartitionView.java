package org.vpspanel.partition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.vpspanel.account.CurrentUser;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionState;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.ui.ConfirmAction;
import org.vpspanel.ui.Notices;

/** One partition: where it runs, its addresses and everything its plan gives it. */
@Route("partitions/:id(\\d+)")
@PageTitle("Partition · VPS Panel")
@PermitAll
class PartitionView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PartitionService partitions;
    private final boolean canDestroy;

    PartitionView(PartitionService partitions, CurrentUser currentUser) {
        this.partitions = partitions;
        this.canDestroy = !currentUser.require().isCustomer();
    }

    /** The link to a partition's page. */
    static RouteParameters of(long partitionId) {
        return new RouteParameters("id", Long.toString(partitionId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long partitionId = event.getRouteParameters().getLong("id").orElseThrow();
        PartitionSummary partition = partitions.get(partitionId);
        removeAll();
        H2 title = new H2(partition.hostname());
        title.setId("partition-hostname");
        HorizontalLayout header = new HorizontalLayout(title, new StateBadge(partition));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);
        if (!partition.nodeConnected() && partition.state() != PartitionState.DESTROYED) {
            Div notice = new Div(new Span("Node " + partition.nodeName() + " is not connected: the partition is "
                    + "recorded with its addresses and resources, and will be built when the node's host agent "
                    + "is connected. Nothing runs yet."));
            notice.setId("node-not-connected");
            notice.addClassName("notice");
            add(notice);
        }
        FormLayout facts = new FormLayout();
        facts.setId("partition-facts");
        facts.addFormItem(new Span(partition.customerName()), "Customer");
        facts.addFormItem(new Span(partition.planName()), "Plan");
        facts.addFormItem(new Span(partition.templateName()), "Template");
        facts.addFormItem(new Span(partition.nodeName()), "Node");
        Span addresses = new Span(partition.addresses().isEmpty() ? "none" : String.join(", ", partition.addresses()));
        addresses.setId("partition-addresses");
        facts.addFormItem(addresses, "IPv4 addresses");
        facts.addFormItem(new Span(TIME.format(partition.createdAt())), "Created");
        add(facts);

        Grid<ResourceField> resources = new Grid<>(ResourceField.class, false);
        resources.setId("partition-resources");
        resources.addColumn(ResourceField::label).setHeader("Resource").setAutoWidth(true);
        resources.addColumn(field -> field.humanize(partition.resources().get(field))).setHeader("Limit");
        resources.setItems(Arrays.asList(ResourceField.values()));
        resources.setAllRowsVisible(true);
        add(new H3("Resources"), resources);

        if (canDestroy && partition.state() != PartitionState.DESTROYED) {
            Button destroy = new Button("Destroy", e -> ConfirmAction.ask("Destroy partition",
                    "Destroy " + partition.hostname() + "? Its addresses go back to the pool.", "Destroy", () -> {
                        partitions.destroy(partition.id());
                        Notices.success(partition.hostname() + " destroyed");
                        getUI().ifPresent(ui -> ui.navigate(PartitionsView.class));
                    }));
            destroy.setId("destroy-partition");
            destroy.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(destroy);
        }
    }
}
