package org.vpspanel.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Grids that fetch one page at a time from a service's {@code find(filter, Pageable)} and {@code count(filter)}
 * methods, sorted by the columns' sort properties (which name the entity's properties).
 */
public final class LazyGrids {

    private LazyGrids() {
    }

    /** Binds the grid lazily; while the user sorts by no column, rows come in {@code defaultOrder}. */
    public static <T> void bind(Grid<T> grid, Function<Pageable, Page<T>> find, LongSupplier count, Sort defaultOrder) {
        grid.setItemsPageable(pageable -> find.apply(pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), defaultOrder)).getContent(),
                pageable -> count.getAsLong());
    }

    /** A search field that reloads the grid shortly after the user stops typing. */
    public static TextField filterField(String id, String placeholder, Grid<?> grid) {
        TextField filter = new TextField();
        filter.setId(id);
        filter.setPlaceholder(placeholder);
        filter.setAriaLabel(placeholder);
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        filter.setWidth("20rem");
        filter.setMaxWidth("100%");
        return filter;
    }
}
