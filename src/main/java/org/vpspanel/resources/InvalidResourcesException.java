package org.vpspanel.resources;

import java.util.List;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;

/** Resource values that are unreadable, unknown or out of bounds, each named by its catalogue field. */
public class InvalidResourcesException extends InvalidInputException {

    public InvalidResourcesException(List<FieldViolation> violations) {
        super(violations);
    }
}
