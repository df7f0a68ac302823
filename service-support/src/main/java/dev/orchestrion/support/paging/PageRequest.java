package dev.orchestrion.support.paging;

import java.util.ArrayList;
import java.util.List;

import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;

/**
 * Which page of a list is asked for: the {@code page} (from 0) and {@code size} query parameters, read by the one
 * rule of the case, definition and runner APIs. Each endpoint says its default size and its largest.
 *
 * @param page the page index, from 0
 * @param size how many items a page holds
 */
public record PageRequest(int page, int size) {

    /** The highest page index: beyond it, {@code page * size} would not be an offset any store can skip to. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE || size < 1) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is not a page");
        }
    }

    /**
     * Reads the query parameters as sent (null or blank: the default). A value that is not a whole number in range
     * is a 400 naming the parameter; both are checked, so that one answer names every bad one.
     *
     * @param defaultSize the size when none is given
     * @param maxSize the largest size the endpoint answers
     */
    public static PageRequest of(String page, String size, int defaultSize, int maxSize) {
        List<FieldViolation> violations = new ArrayList<>();
        int index = parse("page", page, 0, 0, MAX_PAGE, violations);
        int count = parse("size", size, defaultSize, 1, maxSize, violations);
        if (!violations.isEmpty()) {
            throw Invalid.fields(violations);
        }
        return new PageRequest(index, count);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }

    private static int parse(String name, String value, int fallback, int min, int max,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below, with the range
        }
        violations.add(new FieldViolation(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
