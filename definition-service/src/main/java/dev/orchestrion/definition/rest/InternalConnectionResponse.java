package dev.orchestrion.definition.rest;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.definition.service.ConnectionService.DecryptedConnection;

/**
 * A connection with one environment's credentials decrypted, for runner-service (docs/architecture.md,
 * "Service-to-service calls").
 */
public record InternalConnectionResponse(String id, String name, String kind, String endpoint, Auth auth, Smtp smtp) {

    public static InternalConnectionResponse of(DecryptedConnection d) {
        Connection c = d.connection();
        Credentials k = d.credentials();
        if ("smtp".equals(c.kind())) {
            Connection.SmtpSettings smtp = c.smtp();
            return new InternalConnectionResponse(c.id(), c.name(), c.kind(), c.endpoint(),
                    new Auth(c.auth().kind(), k.username(), k.password(), null, null, null, null, null, null, null),
                    new Smtp(smtp.host(), smtp.port(), k.username(), k.password(), smtp.from(), smtp.startTls()));
        }
        return new InternalConnectionResponse(c.id(), c.name(), c.kind(), c.endpoint(),
                new Auth(c.auth().kind(), k.username(), k.password(), k.token(), c.auth().headerName(), k.apiKey(),
                        c.auth().tokenUrl(), k.clientId(), k.clientSecret(), c.auth().scope()),
                null);
    }

    public record Auth(String kind, String username, String password, String token, String headerName, String apiKey,
            String tokenUrl, String clientId, String clientSecret, String scope) {
    }

    public record Smtp(String host, Integer port, String username, String password, String from, Boolean startTls) {
    }
}
