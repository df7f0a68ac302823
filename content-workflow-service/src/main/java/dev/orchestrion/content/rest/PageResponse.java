package dev.orchestrion.content.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of a list in seed 004's shape: totals, the current page (from 1) and its items. */
public record PageResponse<T>(@JsonProperty("total_count") long totalCount,
        @JsonProperty("total_pages") long totalPages, @JsonProperty("current_page") int currentPage, int count,
        List<T> data) {

    public static <T> PageResponse<T> of(List<T> items, long total, int page, int limit) {
        return new PageResponse<>(total, (total + limit - 1) / limit, page, items.size(), items);
    }
}
