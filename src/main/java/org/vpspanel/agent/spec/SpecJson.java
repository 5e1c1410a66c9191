package org.vpspanel.agent.spec;

import org.vpspanel.common.FieldViolation;
import org.vpspanel.resources.InvalidResourcesException;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's JSON form of a partition spec, read strictly: unknown fields, wrong types and values
 * out of the catalogue's bounds are refused, naming the field. Resource values are either text in the
 * field's unit ("64M", "10Mbit") or whole numbers in base units; fields left out take catalogue defaults.
 * {@code ipv4} is a list of addresses, the first one primary.
 */
public final class SpecJson {

    private static final Set<String> FIELDS = Set.of("hostname", "template", "ipv4", "gateway", "autostart", "resources");

    private SpecJson() {
    }

    public static PartitionSpec read(String id, Map<String, Object> json) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidSpecException(name, "unknown field; known fields are " + String.join(", ", FIELDS));
            }
        }
        Object autostart = json.getOrDefault("autostart", Boolean.FALSE);
        if (!(autostart instanceof Boolean)) {
            throw new InvalidSpecException("autostart", "must be true or false");
        }
        return new PartitionSpec(id, text(json, "hostname"), Template.parse(text(json, "template")),
                addresses(json.get("ipv4")), text(json, "gateway"), (Boolean) autostart, resources(json.get("resources")));
    }

    /** A list of addresses, or one address as a string (the form specs had before partitions had several). */
    private static List<String> addresses(Object value) {
        if (value == null || value instanceof String) {
            return value == null ? List.of() : List.of((String) value);
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new InvalidSpecException("ipv4", "must be a list of addresses like \"10.0.0.2/24\"");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String text(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidSpecException(field, "must be a string");
        }
        return (String) value;
    }

    private static Resources resources(Object value) {
        if (value == null) {
            return Resources.defaults();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidSpecException("resources", "must be an object of resource fields");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((name, fieldValue) -> {
            String field = "resources." + name;
            if (fieldValue instanceof String s) {
                texts.put((String) name, s);
            } else if (fieldValue instanceof Integer || fieldValue instanceof Long) {
                texts.put((String) name, ((Number) fieldValue).longValue() < 0 ? "-" : rawNumber(name, (Number) fieldValue));
            } else {
                throw new InvalidSpecException(field, "must be a whole number or a string in the field's unit");
            }
        });
        try {
            return Resources.parse(texts);
        } catch (InvalidResourcesException e) {
            FieldViolation first = e.violations().getFirst();
            throw new InvalidSpecException("resources." + first.field(), first.message());
        }
    }

    /** A number in base units, written so that the field's own parser reads the same value back. */
    private static String rawNumber(Object name, Number number) {
        return ResourceField.byFieldName((String) name).map(field -> field.format(number.longValue()))
                .orElse(number.toString());
    }

    /** The JSON form, with resources written in their units. */
    public static Map<String, Object> write(PartitionSpec spec) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hostname", spec.hostname());
        json.put("template", spec.template().id());
        if (spec.networked()) {
            json.put("ipv4", spec.ipv4());
        }
        if (spec.gateway() != null) {
            json.put("gateway", spec.gateway());
        }
        json.put("autostart", spec.autostart());
        json.put("resources", spec.resources().toText());
        return json;
    }
}
