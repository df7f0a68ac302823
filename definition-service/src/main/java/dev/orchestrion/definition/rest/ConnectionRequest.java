package dev.orchestrion.definition.rest;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.definition.service.ConnectionSettings;

/**
 * The body of {@code POST /connections} and {@code PUT /connections/{id}}. Credentials are write-only: on update, an
 * environment left out keeps its stored credentials (unless the auth kind changes). The constraints are the rules of
 * each field on its own; how the fields fit together (what a kind and an auth kind need) is the service's rule.
 */
@Schema(description = "A connection: endpoint, auth settings and credentials per environment (test, production)")
public record ConnectionRequest(
        @Schema(example = "credit-bureau") @NotNull(message = NAME_RULE) @Pattern(regexp = NAME, message = NAME_RULE) String name,
        @Schema(enumeration = {
                "http",
                "smtp"}, example = "http") @NotNull(message = KIND_RULE) @Pattern(regexp = "http|smtp", message = KIND_RULE) String kind,
        @Size(max = 2000, message = AT_MOST_2000) String description,
        @Schema(example = "https://api.bureau.example") @Size(max = 2000, message = AT_MOST_2000) String endpoint,
        @Valid Connection.ConnectionAuth auth, Connection.SmtpSettings smtp,
        @Schema(description = "environment (test, production) to credentials") Map<String, Credentials> credentials,
        @Schema(description = "the revision this update edits (alternative to If-Match)") Long revision){

    static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String NAME_RULE = "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String KIND_RULE = "must be http or smtp";
    static final String AT_MOST_2000 = "must be at most 2000 characters";

    public ConnectionSettings toSettings() {
        return new ConnectionSettings(name, kind, description, endpoint, auth, smtp, credentials);
    }
}
