package dev.orchestrion.support.ids;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link ResourceId}; the message says which form the id must have. */
public class ResourceIdValidator implements ConstraintValidator<ResourceId, String> {

    private ResourceId.Kind kind;
    private String message;

    @Override
    public void initialize(ResourceId annotation) {
        kind = annotation.value();
        message = annotation.message().isEmpty() ? Ids.message(kind) : annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || Ids.matches(kind, value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
