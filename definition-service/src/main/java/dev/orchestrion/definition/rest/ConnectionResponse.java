package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orchestrion.definition.model.Connection;

/** A connection as clients see it: credentials only as a mask of the fields that are set. */
public record ConnectionResponse(String id, String name, String kind, String description, String endpoint,
        Connection.ConnectionAuth auth, Connection.SmtpSettings smtp, Map<String, Map<String, String>> credentials,
        long revision, Instant createdAt, Instant updatedAt) {

    /** What a set credential shows as. */
    public static final String MASK = "****";

    public static ConnectionResponse of(Connection c) {
        Map<String, Map<String, String>> masked = new LinkedHashMap<>();
        if (c.environments() != null) {
            c.environments().forEach((env, sealed) -> {
                Map<String, String> fields = new LinkedHashMap<>();
                sealed.fields().forEach(field -> fields.put(field, MASK));
                masked.put(env, fields);
            });
        }
        return new ConnectionResponse(c.id(), c.name(), c.kind(), c.description(), c.endpoint(), c.auth(), c.smtp(),
                masked, c.revision(), c.createdAt(), c.updatedAt());
    }
}
