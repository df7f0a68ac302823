package dev.orchestrion.support.ids;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An id a client names, in the form {@link Ids} defines. On a body field or query parameter a malformed value is a
 * 400 naming it (Bean Validation); on a {@code @PathParam} it is a 404 ({@link PathIdCheck}), answered before the
 * resource method runs, so a malformed id never reaches a store or another service. Null passes: combine with
 * {@code @NotNull} where the id is required.
 */
@Documented
@Constraint(validatedBy = ResourceIdValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ResourceId {

    /** The forms of id the platform uses. */
    enum Kind {
        /** A platform id: a UUID in canonical form. */
        UUID,
        /** A name-like id: letters, digits, '_' and '-'. */
        NAME
    }

    Kind value() default Kind.UUID;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
