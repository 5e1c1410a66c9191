package org.vpspanel.api;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A 201 answer to a POST on a collection, pointing at the new object's URL: the collection's plus its id. */
final class Created {

    private Created() {
    }

    static <T> ResponseEntity<T> at(long id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
