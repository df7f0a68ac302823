package dev.orchestrion.support.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.util.Set;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Every JSON request body, whatever the parameter it binds to (a record, a {@code JsonNode}, a map, a string or
 * bytes), is scanned by {@link JsonBodyScan} before it is bound: text no store can hold, content after the document
 * and malformed JSON are 400s here, on every service. A required body that is empty or the document {@code null} is a
 * 400 too, unless the parameter binds the raw text (the resource reads it) or is {@link OptionalBody}.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonRequestBodies implements ReaderInterceptor {

    /** Parameter types that take the body as it came; the resource method makes sense of it. */
    private static final Set<Class<?>> RAW_TYPES = Set.of(String.class, byte[].class, char[].class, InputStream.class,
            Reader.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        JsonBodyScan.Outcome outcome = JsonBodyScan.scan(body);
        if (outcome.absent() && !RAW_TYPES.contains(context.getType()) && !optional(context.getAnnotations())) {
            throw RequestBodyRules.bodyRequired();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean optional(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation.annotationType() == OptionalBody.class) {
                    return true;
                }
            }
        }
        return false;
    }

    /** application/json and every {@code +json} type (merge-patch+json, problem+json, ...). */
    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase();
        return "application".equalsIgnoreCase(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"));
    }
}
