package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.Map;

/**
 * A connection as stored: endpoint and settings in clear, credentials per environment ({@code test},
 * {@code production}) only as AES-GCM ciphertext.
 */
public record Connection(String id, String tenant, String name, String kind, String description, String endpoint,
        ConnectionAuth auth, SmtpSettings smtp, Map<String, SealedCredentials> environments, long revision,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /**
     * How calls authenticate; the non-secret part (the secrets are per environment). No kind means {@code none}.
     */
    public record ConnectionAuth(
            @jakarta.validation.constraints.Pattern(regexp = "none|basic|bearer|apiKey|oauth2", message = "must be one of none, basic, bearer, apiKey, oauth2") String kind,
            String headerName, String tokenUrl, String scope) {
    }

    /** The SMTP server of a connection of kind smtp. */
    public record SmtpSettings(String host, Integer port, String from, Boolean startTls) {
    }

    /**
     * One environment's credentials, encrypted.
     *
     * @param fields the names of the fields that are set, to show a mask without decrypting
     */
    public record SealedCredentials(String ciphertext, java.util.List<String> fields) {
    }
}
