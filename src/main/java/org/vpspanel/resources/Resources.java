package org.vpspanel.resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vpspanel.common.FieldViolation;

/**
 * A complete, immutable set of values for every {@link ResourceField}: what a plan sells and what a
 * partition gets. Values are stored in base units (bytes, bits per second, counts, percent).
 */
public final class Resources {

    private final EnumMap<ResourceField, Long> values;

    private Resources(EnumMap<ResourceField, Long> values) {
        this.values = values;
    }

    /** Every field at its catalogue default. */
    public static Resources defaults() {
        EnumMap<ResourceField, Long> values = new EnumMap<>(ResourceField.class);
        for (ResourceField field : ResourceField.values()) {
            values.put(field, field.defaultValue());
        }
        return new Resources(values);
    }

    /**
     * Defaults overlaid with the given values, keyed by field name and written in the fields' units.
     * Unknown names and unreadable values are reported together, per field.
     */
    public static Resources parse(Map<String, String> texts) {
        EnumMap<ResourceField, Long> values = new EnumMap<>(defaults().values);
        List<FieldViolation> violations = new ArrayList<>();
        texts.forEach((name, text) -> ResourceField.byFieldName(name).ifPresentOrElse(field -> {
            try {
                values.put(field, field.parse(text));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(name, field.label() + ": " + e.getMessage()));
            }
        }, () -> violations.add(new FieldViolation(name, "unknown resource '" + name + "'"))));
        if (!violations.isEmpty()) {
            throw new InvalidResourcesException(violations);
        }
        return new Resources(values);
    }

    /** Reads the form written by {@link #toBaseUnits()}; fields that are missing take their defaults. */
    public static Resources fromBaseUnits(Map<String, ? extends Number> stored) {
        EnumMap<ResourceField, Long> values = new EnumMap<>(defaults().values);
        stored.forEach((name, value) -> ResourceField.byFieldName(name)
                .ifPresent(field -> values.put(field, value.longValue())));
        return new Resources(values);
    }

    public long get(ResourceField field) {
        return values.get(field);
    }

    public Resources with(ResourceField field, long value) {
        EnumMap<ResourceField, Long> copy = new EnumMap<>(values);
        copy.put(field, value);
        return new Resources(copy);
    }

    /** Field name to value in base units, in catalogue order. */
    public Map<String, Long> toBaseUnits() {
        Map<String, Long> map = new LinkedHashMap<>();
        values.forEach((field, value) -> map.put(field.fieldName(), value));
        return Collections.unmodifiableMap(map);
    }

    /** Field name to value written in the field's unit ("512M", "10Mbit"), in catalogue order. */
    public Map<String, String> toText() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((field, value) -> map.put(field.fieldName(), field.format(value)));
        return Collections.unmodifiableMap(map);
    }

    /** Everything wrong with these values: bounds per field, then the rules between fields. */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        values.forEach((field, value) -> field.checkBounds(value)
                .ifPresent(message -> violations.add(new FieldViolation(field.fieldName(), message))));
        long memory = get(ResourceField.MEMORY);
        long cpuLimit = get(ResourceField.CPU_LIMIT);
        if (cpuLimit > get(ResourceField.CPUS) * 100) {
            violations.add(new FieldViolation(ResourceField.CPU_LIMIT.fieldName(),
                    "CPU limit can be at most 100 % per core (" + get(ResourceField.CPUS) * 100 + " for "
                            + get(ResourceField.CPUS) + " cores)"));
        }
        for (ResourceField partOfMemory : List.of(ResourceField.MEMORY_GUARANTEE, ResourceField.LOCKED_MEMORY,
                ResourceField.HUGEPAGES)) {
            if (get(partOfMemory) > memory) {
                violations.add(new FieldViolation(partOfMemory.fieldName(),
                        partOfMemory.label() + " cannot exceed memory (" + Units.humanSize(memory) + ")"));
            }
        }
        return violations;
    }

    /** Throws {@link InvalidResourcesException} listing every violation, if there is any. */
    public Resources validated() {
        List<FieldViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new InvalidResourcesException(violations);
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resources that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return toText().toString();
    }

}
