package dev.orchestrion.definition.rest;

/**
 * A connection with one environment's credentials decrypted, for runner-service (docs/architecture.md,
 * "Service-to-service calls").
 */
public record InternalConnectionResponse(String id, String name, String kind, String endpoint, Auth auth, Smtp smtp) {

    public record Auth(String kind, String username, String password, String token, String headerName, String apiKey,
            String tokenUrl, String clientId, String clientSecret, String scope) {
    }

    public record Smtp(String host, Integer port, String username, String password, String from, Boolean startTls) {
    }
}
