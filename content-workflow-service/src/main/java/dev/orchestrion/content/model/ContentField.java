package dev.orchestrion.content.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A field of a content type.
 *
 * @param type one of {@code text}, {@code richtext}, {@code email}, {@code number}, {@code integer},
 *        {@code boolean}, {@code datetime}, {@code select}, {@code object}, {@code array}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentField(String name, String label, String type, Boolean required, FieldValidations validations) {

    public boolean mandatory() {
        return Boolean.TRUE.equals(required);
    }
}
