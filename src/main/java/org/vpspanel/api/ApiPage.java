package org.vpspanel.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.vpspanel.common.Validation;

/** One page of a list: {@code ?page} counts from 0, {@code ?size} is at most {@value #MAX_SIZE}. */
record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static final int MAX_SIZE = 100;
    static final String DEFAULT_SIZE = "20";

    /** The page asked for, in id order; a size above the maximum is cut to it. */
    static Pageable request(int page, int size) {
        new Validation()
                .check(page >= 0, "page", "Page numbers start at 0")
                .check(size >= 1, "size", "Size must be at least 1")
                .throwIfInvalid();
        return PageRequest.of(page, Math.min(size, MAX_SIZE), Sort.by("id"));
    }

    static <S, T> ApiPage<T> of(Page<S> page, Function<S, T> toItem) {
        return new ApiPage<>(page.getContent().stream().map(toItem).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
