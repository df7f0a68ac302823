package dev.orchestrion.definition.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One property a node type declares.
 *
 * @param format one of the value formats of docs/node-types.md ({@code expression}, {@code template},
 *        {@code duration}, {@code instant}, {@code time}, {@code weekday}, {@code connection}, {@code timeZone}) or a
 *        plain JSON shape ({@code string}, {@code integer}, {@code boolean}, {@code enum}, {@code list}, {@code map})
 * @param values the allowed values of an {@code enum}, or the required kind of a {@code connection}
 * @param items for {@code list} and {@code map}: the format of each element or value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertySpec(String name, String format, boolean required, @JsonProperty("default") Object defaultValue,
        List<String> values, String items, String description) {

    static PropertySpec required(String name, String format, String description) {
        return new PropertySpec(name, format, true, null, null, null, description);
    }

    static PropertySpec optional(String name, String format, Object defaultValue, String description) {
        return new PropertySpec(name, format, false, defaultValue, null, null, description);
    }

    PropertySpec values(String... allowed) {
        return new PropertySpec(name, format, required, defaultValue, List.of(allowed), items, description);
    }

    PropertySpec items(String itemFormat) {
        return new PropertySpec(name, format, required, defaultValue, values, itemFormat, description);
    }
}
