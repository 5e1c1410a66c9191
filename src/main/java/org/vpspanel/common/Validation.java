package org.vpspanel.common;

import java.util.ArrayList;
import java.util.List;

/** Collects violations across fields and throws them together, so a form shows every problem at once. */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    public Validation add(List<FieldViolation> more) {
        violations.addAll(more);
        return this;
    }

    public boolean hasErrorFor(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
