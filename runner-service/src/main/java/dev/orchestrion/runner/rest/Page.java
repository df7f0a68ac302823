package dev.orchestrion.runner.rest;

import java.util.List;

/** One page of a list, with the total that matches. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
