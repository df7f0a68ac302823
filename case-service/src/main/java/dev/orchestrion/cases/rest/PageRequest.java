package dev.orchestrion.cases.rest;

import java.util.ArrayList;
import java.util.List;

import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/** The {@code page} (from 0) and {@code size} query parameters of a list, with their limits. */
record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static PageRequest of(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int index = parse(page, 0, "page", 0, 1_000_000, errors);
        int count = parse(size, DEFAULT_SIZE, "size", 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        return new PageRequest(index, count);
    }

    private static int parse(String value, int fallback, String name, int min, int max,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
