package org.vpspanel.agent.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Root filesystem templates a partition can be made from. */
public enum Template {
    BUSYBOX("busybox"), DEBIAN_12("debian-12");

    private final String id;

    Template(String id) {
        this.id = id;
    }

    public String id() {
        return id;
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
