package org.vpspanel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;

/**
 * Tells the user why an action did not happen. A service's refusal is shown as it is worded; anything
 * unexpected gets a plain notice and goes to the log in full.
 */
@Component
class UserErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = rootServiceError(event.getThrowable());
        String message = switch (cause) {
            case InvalidInputException e -> e.getMessage();
            case NotFoundException e -> e.getMessage();
            case IllegalStateException e -> e.getMessage();
            case AccessDeniedException e -> "You may not do that";
            default -> {
                log.error("Unexpected error in the UI", event.getThrowable());
                yield "Something went wrong; the details are in the panel's log";
            }
        };
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> Notices.failure(message));
        }
    }

    private static Throwable rootServiceError(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof NotFoundException || t instanceof IllegalStateException
                    || t instanceof AccessDeniedException) {
                return t;
            }
        }
        return throwable;
    }
}
