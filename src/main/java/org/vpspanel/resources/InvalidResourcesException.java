package org.vpspanel.resources;

import java.util.List;
import java.util.stream.Collectors;

/** Resource values that are unreadable, unknown or out of bounds, each named by field. */
public class InvalidResourcesException extends IllegalArgumentException {

    private final transient List<Resources.Violation> violations;

    public InvalidResourcesException(List<Resources.Violation> violations) {
        super(violations.stream().map(Resources.Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Resources.Violation> violations() {
        return violations;
    }
}
