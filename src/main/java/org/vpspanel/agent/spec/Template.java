package org.vpspanel.agent.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Root filesystem templates a partition can be made from, with the signal that asks their init to shut
 * down: busybox init halts on SIGTERM; sysvinit runs its "powerwait" entry on SIGPWR, which the
 * debian-12 template points at shutdown (SIGTERM would be ignored by it).
 */
public enum Template {
    BUSYBOX("busybox", "TERM"), DEBIAN_12("debian-12", "PWR");

    private final String id;
    private final String stopSignal;

    Template(String id, String stopSignal) {
        this.id = id;
        this.stopSignal = stopSignal;
    }

    public String id() {
        return id;
    }

    public String stopSignal() {
        return stopSignal;
    }

    public static Template parse(String text) {
        for (Template template : values()) {
            if (template.id.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
                return template;
            }
        }
        throw new InvalidSpecException("template", "unknown template '" + text + "'; use one of "
                + Arrays.stream(values()).map(Template::id).collect(Collectors.joining(", ")));
    }
}
