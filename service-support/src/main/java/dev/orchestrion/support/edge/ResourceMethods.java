package dev.orchestrion.support.edge;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;

/**
 * What a resource method's declaration says about its request body: whether it takes one, whether that body may be
 * absent ({@link OptionalBody}) and which media types it accepts ({@code @Consumes} of the method, else of the
 * class; none declared means any). Read once per method by reflection over standard annotations.
 */
public final class ResourceMethods {

    /** The body side of one resource method. */
    public record BodyShape(boolean takesBody, boolean optional, List<String> consumes) {

        static final BodyShape NONE = new BodyShape(false, true, List.of(MediaType.WILDCARD));

        /** Whether a body of any media type is accepted (no 415 from the platform). */
        public boolean acceptsAnyType() {
            return consumes.isEmpty() || consumes.stream().anyMatch(MediaType.WILDCARD::equals);
        }
    }

    private static final Map<Method, BodyShape> SHAPES = new ConcurrentHashMap<>();

    private ResourceMethods() {
    }

    public static BodyShape bodyShape(Class<?> resourceClass, Method method) {
        return SHAPES.computeIfAbsent(method, m -> read(resourceClass, m));
    }

    /** The media types a method accepts, in declaration order; empty when it declares none. */
    public static List<String> consumes(Class<?> resourceClass, Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null && resourceClass != null) {
            consumes = resourceClass.getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            return List.of();
        }
        // @Consumes("a, b") is allowed as well as @Consumes({"a", "b"})
        return Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static BodyShape read(Class<?> resourceClass, Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (isBody(parameter)) {
                return new BodyShape(true, parameter.isAnnotationPresent(OptionalBody.class),
                        consumes(resourceClass, method));
            }
        }
        return BodyShape.NONE;
    }

    /**
     * The body is the one parameter neither bound from the request by a JAX-RS or Quarkus REST annotation nor a
     * context object the framework injects.
     */
    static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                return false;
            }
        }
        String type = parameter.getType().getName();
        return !(type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.")
                || type.startsWith("io.vertx.") || type.startsWith("io.quarkus.")
                || type.equals("jakarta.ws.rs.core.SecurityContext"));
    }
}
