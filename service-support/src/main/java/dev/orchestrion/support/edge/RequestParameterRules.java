package dev.orchestrion.support.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The {@link StorableText} rule for what arrives beside the body: every path parameter, query parameter (name and
 * value, after percent-decoding, so {@code ?email=%00} counts) and header value. A violation is a 400 naming the
 * parameter or header, before the resource method (or any call it would make to another service) runs.
 */
public class RequestParameterRules {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), errors);
        collect(request.getUriInfo().getQueryParameters(), errors);
        collect(request.getHeaders(), errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw ProblemException.validation(detail, errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (errors.size() >= JsonBodyScan.MAX_ERRORS) {
                return;
            }
            String name = parameter.getKey();
            if (!StorableText.isStorable(name)) {
                errors.add(new Problem.FieldError(StorableText.escaped(name), StorableText.NAME_MESSAGE));
                continue;
            }
            for (String value : parameter.getValue()) {
                if (!StorableText.isStorable(value)) {
                    errors.add(new Problem.FieldError(name, StorableText.MESSAGE));
                    break;
                }
            }
        }
    }
}
