package org.vpspanel.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Resources as a JSON object of base-unit numbers, the form in which the database keeps them. */
public final class ResourcesJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Long>> MAP = new TypeReference<>() {
    };

    private ResourcesJson() {
    }

    public static String write(Resources resources) {
        return JSON.writeValueAsString(resources.toBaseUnits());
    }

    public static Resources read(String json) {
        Map<String, Long> values = JSON.readValue(json, MAP);
        return Resources.fromBaseUnits(values);
    }
}
