package org.vpspanel.agent.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strict reading of the small JSON bodies of actions: only the named fields, each of its type. */
final class Bodies {

    private Bodies() {
    }

    static void allowOnly(Map<String, Object> body, Set<String> fields) {
        for (String name : body.keySet()) {
            if (!fields.contains(name)) {
                throw new ApiException(400, name, "unknown field" + (fields.isEmpty() ? "; this action takes no fields" : "; known fields are " + String.join(", ", fields)));
            }
        }
    }

    /** A whole number of seconds within [min, max], or the default when absent. */
    static int seconds(Map<String, Object> body, String field, int defaultValue, int min, int max) {
        Object value = body.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Integer seconds) || seconds < min || seconds > max) {
            throw new ApiException(400, field, "must be a whole number of seconds between " + min + " and " + max);
        }
        return seconds;
    }

    static String requiredString(Map<String, Object> body, String field, int maxLength) {
        Object value = body.get(field);
        if (!(value instanceof String text) || text.isEmpty() || text.length() > maxLength) {
            throw new ApiException(400, field, "must be a string of 1 to " + maxLength + " characters");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
            throw new ApiException(400, field, "must be a single line");
        }
        return text;
    }

    static List<String> requiredStrings(Map<String, Object> body, String field, int maxItems) {
        Object value = body.get(field);
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > maxItems
                || !list.stream().allMatch(item -> item instanceof String s && !s.isEmpty() && s.indexOf('\0') < 0)) {
            throw new ApiException(400, field, "must be a list of 1 to " + maxItems + " non-empty strings");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
