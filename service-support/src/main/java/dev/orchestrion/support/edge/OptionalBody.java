package dev.orchestrion.support.edge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method's body parameter as optional: no body (or the JSON document {@code null}) reaches the
 * method as {@code null}. Every other body parameter is required, and a request without one is a 400 before the
 * method runs (see {@link RequestBodyRules}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {
}
