package org.vpspanel.resources;

import java.util.Optional;
import java.util.regex.Pattern;

/** Partition hostnames as RFC 1123 allows them: dot-separated labels of letters, digits and inner hyphens. */
public final class Hostnames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hostnames() {
    }

    /** Why {@code hostname} is not a valid hostname, or empty when it is. */
    public static Optional<String> problem(String hostname) {
        if (hostname == null || hostname.isEmpty()) {
            return Optional.of("Hostname is required");
        }
        if (hostname.length() > 253) {
            return Optional.of("Hostname is longer than 253 characters");
        }
        if (hostname.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("Hostname must not contain spaces");
        }
        for (String label : hostname.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("Hostname '" + hostname + "' is not valid: each dot-separated part must be 1-63 "
                        + "letters, digits or inner hyphens (RFC 1123)");
            }
        }
        return Optional.empty();
    }
}
