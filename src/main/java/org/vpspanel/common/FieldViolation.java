package org.vpspanel.common;

/** One thing wrong with one input field; {@code field} is the name callers use (form field, JSON property). */
public record FieldViolation(String field, String message) {
}
