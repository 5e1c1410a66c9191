package org.vpspanel.node;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What an agent says of itself (version, kernel, cgroup version, ...), kept as JSON on the node. */
final class NodeInfoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeInfoJson() {
    }

    static Map<String, Object> read(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    static String write(Map<String, Object> info) {
        return JSON.writeValueAsString(info);
    }
}
