package dev.orchestrion.definition.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.definition.rest.ConnectionResponse;
import dev.orchestrion.definition.rest.InternalConnectionResponse;
import dev.orchestrion.definition.service.ConnectionService.DecryptedConnection;

/** Connections to their REST representations: masked for clients, decrypted for services. */
public final class ConnectionMapper {

    public static final String MASK = "****";

    private ConnectionMapper() {
    }

    public static ConnectionResponse toResponse(Connection c) {
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

    public static InternalConnectionResponse toInternal(DecryptedConnection d) {
        Connection c = d.connection();
        Credentials k = d.credentials();
        if ("smtp".equals(c.kind())) {
            Connection.SmtpSettings smtp = c.smtp();
            return new InternalConnectionResponse(c.id(), c.name(), c.kind(), c.endpoint(),
                    new InternalConnectionResponse.Auth(c.auth().kind(), k.username(), k.password(), null, null, null,
                            null, null, null, null),
                    new InternalConnectionResponse.Smtp(smtp.host(), smtp.port(), k.username(), k.password(),
                            smtp.from(), smtp.startTls()));
        }
        return new InternalConnectionResponse(c.id(), c.name(), c.kind(), c.endpoint(),
                new InternalConnectionResponse.Auth(c.auth().kind(), k.username(), k.password(), k.token(),
                        c.auth().headerName(), k.apiKey(), c.auth().tokenUrl(), k.clientId(), k.clientSecret(),
                        c.auth().scope()),
                null);
    }
}
