package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.Map;

import dev.orchestrion.definition.model.Connection;

/** A connection as clients see it: credentials only as a mask of the fields that are set. */
public record ConnectionResponse(String id, String name, String kind, String description, String endpoint,
        Connection.ConnectionAuth auth, Connection.SmtpSettings smtp, Map<String, Map<String, String>> credentials,
        long revision, Instant createdAt, Instant updatedAt) {
}
