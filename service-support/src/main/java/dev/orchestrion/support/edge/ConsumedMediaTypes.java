package dev.orchestrion.support.edge;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * Which media types the resource method for a request path accepts, for the 415 that Quarkus REST raises before it
 * has chosen a method (a wrong {@code Content-Type}). Built once, on the first such answer, from the JAX-RS
 * annotations of the application's resource classes.
 */
public final class ConsumedMediaTypes {

    /** One resource method: its HTTP method, its full path template as a pattern, and what it accepts. */
    record Route(String httpMethod, Pattern path, List<String> consumes) {
    }

    private static volatile List<Route> routes;

    private ConsumedMediaTypes() {
    }

    /** What the resource methods answering this method and path accept; empty when none is known. */
    public static List<String> accepted(String httpMethod, String path) {
        List<Route> known = routes;
        if (known == null) {
            known = routesOf(resourceClasses());
            routes = known;
        }
        return accepted(known, httpMethod, path);
    }

    static List<String> accepted(List<Route> routes, String httpMethod, String path) {
        String normalized = normalize(path);
        Set<String> accepted = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.httpMethod().equals(httpMethod) && route.path().matcher(normalized).matches()) {
                accepted.addAll(route.consumes());
            }
        }
        return List.copyOf(accepted);
    }

    static List<Route> routesOf(Collection<Class<?>> resourceClasses) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resourceClasses) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = classPath.value() + "/" + (methodPath == null ? "" : methodPath.value());
                routes.add(new Route(httpMethod, Pattern.compile(regex(normalize(template))),
                        ResourceMethods.consumes(resource, method)));
            }
        }
        return List.copyOf(routes);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a regular expression: {@code {id}} is one segment, {@code {p: .+}} its own regex. */
    static String regex(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                String literal = template.substring(i, next < 0 ? template.length() : next);
                out.append(Pattern.quote(literal));
                i += literal.length();
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                if (template.charAt(end) == '{') {
                    depth++;
                } else if (template.charAt(end) == '}' && --depth == 0) {
                    break;
                }
            }
            String variable = template.substring(i + 1, Math.min(end, template.length()));
            int colon = variable.indexOf(':');
            out.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).trim()).append(')');
            i = end + 1;
        }
        return out.toString();
    }

    /** One leading slash, no doubled or trailing ones. */
    static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                classes.add(bean.getBeanClass());
            }
        }
        return classes;
    }
}
