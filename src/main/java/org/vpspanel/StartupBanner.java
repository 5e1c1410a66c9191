package org.vpspanel;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to log in once the panel is ready to serve. */
@Component
class StartupBanner {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            System.out.println("VPS Panel is ready: log in at http://localhost:" + web.getWebServer().getPort() + "/");
        }
    }
}
