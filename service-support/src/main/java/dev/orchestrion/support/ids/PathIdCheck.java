package dev.orchestrion.support.ids;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 404 for a request whose path names a malformed id: every {@code @PathParam} marked {@link ResourceId} is
 * checked after the route matched and before the resource method runs. A path id that cannot exist is "not found",
 * the same answer as an id that does not exist, and it never reaches a store or another service.
 */
public class PathIdCheck {

    private final Map<Method, List<PathId>> byMethod = new ConcurrentHashMap<>();

    private record PathId(String name, ResourceId.Kind kind) {
    }

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<PathId> ids = byMethod.computeIfAbsent(method, PathIdCheck::pathIds);
        for (PathId id : ids) {
            String value = uri.getPathParameters().getFirst(id.name());
            if (value != null && !Ids.matches(id.kind(), value)) {
                throw Ids.notFound(id.name());
            }
        }
    }

    private static List<PathId> pathIds(Method method) {
        List<PathId> ids = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            ResourceId id = parameter.getAnnotation(ResourceId.class);
            if (path != null && id != null) {
                ids.add(new PathId(path.value(), id.value()));
            }
        }
        return List.copyOf(ids);
    }
}
