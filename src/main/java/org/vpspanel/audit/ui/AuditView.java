package org.vpspanel.audit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.vpspanel.audit.AuditFilter;
import org.vpspanel.audit.AuditRecord;
import org.vpspanel.audit.AuditService;
import org.vpspanel.ui.LazyGrids;

/** The audit log for admins: every state change, newest first, with who made it and from where. */
@Route("audit")
@PageTitle("Audit log · VPS Panel")
@Menu(title = "Audit log", order = 80, icon = "vaadin:records")
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout {

    /** The object types services record; the filter offers these. */
    static final List<String> OBJECT_TYPES = List.of("user", "plan", "node", "ippool", "template", "partition",
            "sshkey");

    private final Grid<AuditRecord> grid = new Grid<>(AuditRecord.class, false);
    private final Locale locale;
    private DateTimeFormatter timeFormat;

    AuditView(AuditService audit) {
        setSizeFull();
        VaadinRequest request = VaadinRequest.getCurrent();
        locale = request == null || request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        timeFormat = formatter(ZoneOffset.UTC);

        TextField text = LazyGrids.filterField("audit-filter", "Filter by actor, action, object or detail", grid);
        Select<String> objectType = new Select<>();
        objectType.setId("audit-object-type");
        objectType.setAriaLabel("Object type");
        objectType.setItems(OBJECT_TYPES);
        objectType.setEmptySelectionAllowed(true);
        objectType.setEmptySelectionCaption("Any object type");
        objectType.setPlaceholder("Any object type");
        objectType.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(text, objectType);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grid.Column<AuditRecord> time = grid.addColumn(event -> timeFormat.format(event.at())).setHeader("Time")
                .setSortProperty("at", "id").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(event -> event.at().toString());
        grid.addColumn(AuditRecord::actor).setHeader("Actor").setSortProperty("actor").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setSortProperty("action").setAutoWidth(true);
        grid.addColumn(AuditRecord::objectType).setHeader("Object type").setSortProperty("objectType")
                .setAutoWidth(true);
        grid.addColumn(AuditRecord::objectId).setHeader("Object id").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(AuditRecord::detail).setHeader("Detail").setFlexGrow(1).setWidth("16rem")
                .setTooltipGenerator(AuditRecord::detail);
        grid.addColumn(AuditRecord::remoteAddress).setHeader("Address").setAutoWidth(true);
        grid.setEmptyStateText("No recorded events match.");
        LazyGrids.bind(grid, pageable -> audit.find(filter(text, objectType), pageable),
                () -> audit.count(filter(text, objectType)), Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id")));
        grid.sort(GridSortOrder.desc(time).build());

        add(new H2("Audit log"), filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                timeFormat = formatter(ZoneId.of(details.getTimeZoneId()));
            } catch (DateTimeException | NullPointerException unknownZone) {
                timeFormat = formatter(ZoneOffset.ofTotalSeconds(details.getTimezoneOffset() / 1000));
            }
            grid.getDataProvider().refreshAll();
        });
    }

    private DateTimeFormatter formatter(ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    private static AuditFilter filter(TextField text, Select<String> objectType) {
        return new AuditFilter(text.getValue(), objectType.getValue() == null ? "" : objectType.getValue());
    }
}
