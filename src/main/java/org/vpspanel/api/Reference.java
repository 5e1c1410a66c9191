package org.vpspanel.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How a request names another object: a JSON number is its id, a JSON string its name (a customer's user
 * name, a plan's or template's or node's name). Exactly one of the two is set. Its OpenAPI schema is
 * written by {@link OpenApiConfiguration}.
 */
record Reference(Long id, String name) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Reference byId(long id) {
        return new Reference(id, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Reference byName(String name) {
        return new Reference(null, name);
    }

    @Override
    public String toString() {
        return id != null ? "id " + id : "'" + name + "'";
    }
}
