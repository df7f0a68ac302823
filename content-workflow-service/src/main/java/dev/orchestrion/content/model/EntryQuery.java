package dev.orchestrion.content.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which of a content type's entries a list shows, in seed 004's style: every condition must hold; ordered by a field
 * ({@code null}: by creation), one page ({@code page} from 1) of {@code limit} entries.
 */
public record EntryQuery(List<Condition> conditions, String orderBy, boolean descending, int page, int limit) {

    /** The largest page a list answers. */
    public static final int MAX_LIMIT = 1000;
    /** The most entries a list may skip: pages past it are refused, not wrapped around into a negative skip. */
    public static final long MAX_SKIP = 1_000_000;

    /** Whether page {@code page} of {@code limit} entries starts within {@link #MAX_SKIP}. */
    public static boolean reachable(int page, int limit) {
        return (page - 1L) * limit <= MAX_SKIP;
    }

    /**
     * @param field a field path of the entry, {@code id} or an {@code internal.*} field
     * @param value a string, number, boolean or null; an {@code Instant} in {@code instant} for internal dates
     */
    public record Condition(String field, String operator, JsonNode value, Instant instant) {
    }

    /** How many entries come before this page. */
    public int skip() {
        return (page - 1) * limit;
    }
}
