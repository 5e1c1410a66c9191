package org.vpspanel.common;

/**
 * The object does not exist, or the caller may not see it: both answer the same, so that nobody learns
 * of another tenant's objects.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
