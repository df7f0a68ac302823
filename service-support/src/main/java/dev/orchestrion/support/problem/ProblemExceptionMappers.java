package dev.orchestrion.support.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.orchestrion.support.domain.DomainException;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem response. Bad input is always a 4xx
 * that says what is wrong; only a fault of the service itself is a 500, and its body never carries a stack trace.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.status() >= 500 && e.retryAfterSeconds() == null) { // an overloaded answer is counted, not logged
            LOG.warnf("%s %s: %s", e.status(), uri.getPath(), e.getMessage());
        }
        if (e.retryAfterSeconds() != null) {
            Problem problem = e.toProblem(uri.getPath());
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).entity(problem).build();
        }
        return respond(e.toProblem(uri.getPath()));
    }

    /** A refusal of the domain (a service, state machine or repository said no): the one answer of its kind. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return problem(ProblemException.from(e), uri);
    }

    /** Also registered for Quarkus's own subtype, whose built-in mapper would answer plain JSON. */
    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(ProblemException.validation(detail, errors).toProblem(uri.getPath()));
    }

    /** Names each Jackson type because quarkus-rest-jackson has built-in mappers for some that answer plain JSON. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class}, priority = Priorities.USER - 100)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e).toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "This resource does not accept that content type; send application/json";
            default -> e.getMessage();
        };
        if (status >= 500) {
            LOG.errorf(e, "%s %s", status, uri.getPath());
        }
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath(), List.of()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem("https://orchestrion.dev/problems/unauthenticated", "Unauthenticated", 401,
                        "A valid bearer token is required", uri.getPath(), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("Your roles do not allow this action").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(new Problem("https://orchestrion.dev/problems/internal", "Internal error", 500,
                "The service failed to handle this request; it has been logged", uri.getPath(), List.of()));
    }

    static ProblemException jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return ProblemException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException invalid) {
                message = "must be " + describe(invalid.getTargetType());
            } else if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
                message = instantiation.getCause().getMessage();
            } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                message = "must be " + describe(mismatched.getTargetType());
            } else {
                message = e.getOriginalMessage();
            }
            if (field.isEmpty()) {
                return ProblemException.badRequest("The request body does not have the expected shape: " + message);
            }
            return ProblemException.validation(field, message);
        }
        return ProblemException.badRequest("The request body could not be read: " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "an object";
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            } else if (kind == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        // A violation on a request body names the body parameter first; clients know fields, not parameters.
        if (names.size() > 1) {
            names.remove(0);
        }
        return names.isEmpty() ? "request" : String.join(".", names);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
