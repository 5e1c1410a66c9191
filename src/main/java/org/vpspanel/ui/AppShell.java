package org.vpspanel.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** The page shell: server push, so that job progress and host state reach the browser as they happen. */
@Push
public class AppShell implements AppShellConfigurator {
}
