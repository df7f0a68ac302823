package dev.orchestrion.definition.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Credentials;

/**
 * The body of {@code POST /connections} and {@code PUT /connections/{id}}. Credentials are write-only: on update, an
 * environment left out keeps its stored credentials (unless the auth kind changes).
 */
@Schema(description = "A connection: endpoint, auth settings and credentials per environment (test, production)")
public record ConnectionRequest(@Schema(example = "credit-bureau") String name, @Schema(enumeration = {
        "http", "smtp"}, example = "http") String kind, String description,
        @Schema(example = "https://api.bureau.example") String endpoint, Connection.ConnectionAuth auth,
        Connection.SmtpSettings smtp,
        @Schema(description = "environment (test, production) to credentials") Map<String, Credentials> credentials,
        @Schema(description = "the revision this update edits (alternative to If-Match)") Long revision){
}
