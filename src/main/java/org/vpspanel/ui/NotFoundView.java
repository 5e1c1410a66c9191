package org.vpspanel.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.component.html.Anchor;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.vpspanel.common.NotFoundException;

/**
 * Shown when a view asks a service for an object that does not exist or that the user may not see: the
 * two look the same, so nobody learns of another tenant's objects.
 */
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2("Not found");
        title.setId("not-found");
        add(title, new Paragraph(parameter.getException().getMessage() + "."), new Anchor("", "Back to the start"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
