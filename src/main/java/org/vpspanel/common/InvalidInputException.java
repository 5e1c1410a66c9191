package org.vpspanel.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that was refused, with every reason named by field. Nothing was changed. */
public class InvalidInputException extends IllegalArgumentException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(FieldViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
