package dev.orchestrion.support.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the shape every paged answer of the case, definition and runner APIs has.
 *
 * @param items what is on this page
 * @param page the page index, from 0
 * @param size the page size asked for
 * @param total how many match in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code request} asked for, holding {@code items} of {@code total}. */
    public static <T> Page<T> of(PageRequest request, List<T> items, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The same page with each item converted (e.g. a stored record to what a client sees). */
    public <R> Page<R> map(Function<? super T, ? extends R> convert) {
        return new Page<>(items.stream().<R>map(convert).toList(), page, size, total);
    }
}
