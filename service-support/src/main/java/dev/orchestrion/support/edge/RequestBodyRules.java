package dev.orchestrion.support.edge;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import dev.orchestrion.support.problem.ProblemException;

/**
 * Once a request has found its resource method: a body sent without a {@code Content-Type} to a method that
 * declares the types it accepts is a 415 naming them (Quarkus REST would otherwise read it as the first of them), and
 * a method whose body is required gets a 400 when there is none. The same answers come from the exception mappers
 * for a wrong {@code Content-Type} (415) and from {@link JsonRequestBodies} for an empty or {@code null} JSON body.
 */
public class RequestBodyRules {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest connection) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        ResourceMethods.BodyShape shape = ResourceMethods.bodyShape(resource.getResourceClass(),
                resource.getResourceMethod());
        if (!shape.takesBody()) {
            return;
        }
        if (connection != null && connection.version() == HttpVersion.HTTP_2) {
            // HTTP/2 may send a body without Content-Length: JsonRequestBodies judges it once it is read
            return;
        }
        boolean bodySent = hasBody(request);
        if (bodySent && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && !shape.acceptsAnyType()) {
            throw unsupportedMediaType(shape.consumes(), null);
        }
        if (!bodySent && !shape.optional()) {
            throw bodyRequired();
        }
    }

    /** HTTP/1.1: a request has a body when it says how long it is (more than nothing) or that it comes in chunks. */
    static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    public static ProblemException bodyRequired() {
        return ProblemException.badRequest("A request body is required");
    }

    /** 415 naming what the resource accepts; {@code sent} is the request's Content-Type, null when it had none. */
    public static ProblemException unsupportedMediaType(List<String> accepted, String sent) {
        String accepts = accepted.isEmpty() ? "application/json" : String.join(", ", accepted);
        String detail = "This resource accepts " + accepts + "; the request "
                + (sent == null ? "has no Content-Type" : "was sent as " + sent);
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail, List.of());
    }
}
