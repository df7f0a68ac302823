package dev.orchestrion.definition.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Connection.ConnectionAuth;
import dev.orchestrion.definition.model.Connection.SealedCredentials;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.definition.repository.ConnectionRepository;
import dev.orchestrion.support.crypto.CredentialCipher;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;

/**
 * The tenant's connections: endpoints and credentials per environment. Credentials are encrypted before they are
 * stored and never returned, except decrypted to other services ({@link #decrypted}). An endpoint, token URL or SMTP
 * host that runner-service's outbound guard would refuse is refused when saved, by the same rule.
 */
@ApplicationScoped
public class ConnectionService {

    public static final Set<String> ENVIRONMENTS = Set.of("test", "production");
    private static final Map<String, Set<String>> FIELDS_BY_AUTH = Map.of("none", Set.of(), "basic",
            Set.of("username", "password"), "bearer", Set.of("token"), "apiKey", Set.of("apiKey"), "oauth2",
            Set.of("clientId", "clientSecret"));
    private static final int MAX_VALUE = 4096;

    private final ConnectionRepository connections;
    private final CredentialCipher cipher;
    private final ObjectMapper json;
    private final OutboundTargets targets;

    public ConnectionService(ConnectionRepository connections, CredentialCipher cipher, ObjectMapper json,
            OutboundTargets targets) {
        this.connections = connections;
        this.cipher = cipher;
        this.json = json;
        this.targets = targets;
    }

    public Uni<List<Connection>> list(String tenant) {
        return connections.listTenant(tenant);
    }

    public Uni<Connection> get(String tenant, String id) {
        return connections.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("Connection", id));
    }

    public Uni<Connection> create(String tenant, String actor, ConnectionSettings settings) {
        ConnectionSettings r = checked(settings);
        return requireAllowedTargets(r).chain(() -> {
            Instant now = DefinitionService.now();
            String id = UUID.randomUUID().toString();
            Map<String, SealedCredentials> sealed = seal(tenant, id, r.credentials(), Map.of());
            return connections.insert(new Connection(id, tenant, r.name(), r.kind(), r.description(), r.endpoint(),
                    r.auth(), r.smtp(), sealed, 0, now, actor, now, actor));
        });
    }

    /** Replaces the connection's settings; with {@code expectedRevision}, one that changed since is stale. */
    public Uni<Connection> update(String tenant, String actor, String id, ConnectionSettings settings,
            Long expectedRevision) {
        ConnectionSettings r = checked(settings);
        return requireAllowedTargets(r).chain(() -> get(tenant, id)).chain(existing -> {
            if (expectedRevision != null && expectedRevision != existing.revision()) {
                throw new StaleVersion(
                        "Connection " + id + " is at revision " + existing.revision() + ", not " + expectedRevision);
            }
            boolean sameAuth = existing.auth().kind().equals(r.auth().kind());
            Map<String, SealedCredentials> kept = sameAuth ? existing.environments() : Map.of();
            Connection next = new Connection(id, tenant, r.name(), r.kind(), r.description(), r.endpoint(), r.auth(),
                    r.smtp(), seal(tenant, id, r.credentials(), kept), existing.revision() + 1, existing.createdAt(),
                    existing.createdBy(), DefinitionService.now(), actor);
            return connections.replace(existing.revision(), next).map(done -> {
                if (!done) {
                    throw new StaleVersion("Connection " + id + " was changed meanwhile; read it again");
                }
                return next;
            });
        });
    }

    public Uni<Void> delete(String tenant, String id) {
        return connections.delete(tenant, id).invoke(deleted -> {
            if (!deleted) {
                throw new NotFound("Connection", id);
            }
        }).replaceWithVoid();
    }

    /** The credentials of one environment in clear, for runner-service's http and sendEmail nodes. */
    public Uni<DecryptedConnection> decrypted(String tenant, String id, String environment) {
        String env = environment == null || environment.isBlank() ? "production" : environment;
        if (!ENVIRONMENTS.contains(env)) {
            throw Invalid.field("environment", "must be test or production");
        }
        return get(tenant, id).map(c -> {
            SealedCredentials sealed = c.environments() == null ? null : c.environments().get(env);
            Credentials credentials = sealed == null
                    ? new Credentials(null, null, null, null, null, null)
                    : open(c, env, sealed);
            return new DecryptedConnection(c, credentials);
        });
    }

    /** A connection with one environment's credentials decrypted. */
    public record DecryptedConnection(Connection connection, Credentials credentials) {
    }

    private Credentials open(Connection c, String env, SealedCredentials sealed) {
        try {
            return json.readValue(cipher.decrypt(sealed.ciphertext(), associatedData(c.tenant(), c.id(), env)),
                    Credentials.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, SealedCredentials> seal(String tenant, String id, Map<String, Credentials> given,
            Map<String, SealedCredentials> kept) {
        Map<String, SealedCredentials> sealed = new LinkedHashMap<>(kept == null ? Map.of() : kept);
        if (given != null) {
            given.forEach((env, credentials) -> {
                try {
                    String plaintext = json.writeValueAsString(credentials);
                    sealed.put(env, new SealedCredentials(cipher.encrypt(plaintext, associatedData(tenant, id, env)),
                            credentials.setFields()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return sealed;
    }

    private static String associatedData(String tenant, String id, String env) {
        return tenant + "|" + id + "|" + env;
    }

    /** The targets runner-service will call for this connection, checked by the shared outbound guard (400). */
    private Uni<Void> requireAllowedTargets(ConnectionSettings r) {
        return targets.requireAllowed(List.of(SavedTarget.url("endpoint", r.endpoint()),
                SavedTarget.url("auth.tokenUrl", "oauth2".equals(r.auth().kind()) ? r.auth().tokenUrl() : null),
                SavedTarget.host("smtp.host", r.smtp() == null ? null : r.smtp().host())));
    }

    /**
     * The rules of how the settings fit together (each field's own rule was checked at the edge): what a kind and an
     * auth kind need, and which credentials each environment must and may hold. Answers the settings with the auth
     * kind defaulted to {@code none}.
     */
    static ConnectionSettings checked(ConnectionSettings s) {
        Map<String, String> errors = new LinkedHashMap<>();
        ConnectionAuth auth = s.auth() == null ? new ConnectionAuth("none", null, null, null) : s.auth();
        String authKind = auth.kind() == null ? "none" : auth.kind();
        auth = new ConnectionAuth(authKind, auth.headerName(), auth.tokenUrl(), auth.scope());
        if ("smtp".equals(s.kind()) && !Set.of("none", "basic").contains(authKind)) {
            errors.put("auth.kind", "an smtp connection authenticates with none or basic");
        }
        if ("apiKey".equals(authKind) && (auth.headerName() == null || auth.headerName().isBlank())) {
            errors.put("auth.headerName", "an apiKey connection needs the header name");
        }
        if ("oauth2".equals(authKind) && !isHttpUrl(auth.tokenUrl())) {
            errors.put("auth.tokenUrl", "an oauth2 connection needs an absolute http(s) token URL");
        }
        if ("http".equals(s.kind()) && !isHttpUrl(s.endpoint())) {
            errors.put("endpoint", "an http connection needs an absolute http(s) URL");
        }
        if ("smtp".equals(s.kind())) {
            if (s.smtp() == null || s.smtp().host() == null || s.smtp().host().isBlank()) {
                errors.put("smtp.host", "an smtp connection needs a host");
            }
            if (s.smtp() == null || s.smtp().port() == null || s.smtp().port() < 1 || s.smtp().port() > 65535) {
                errors.put("smtp.port", "must be a port number, 1 to 65535");
            }
        } else if (s.smtp() != null) {
            errors.put("smtp", "only a connection of kind smtp has smtp settings");
        }
        Map<String, Credentials> credentials = s.credentials() == null ? Map.of() : s.credentials();
        Set<String> allowed = FIELDS_BY_AUTH.getOrDefault(authKind, Set.of());
        credentials.forEach((env, c) -> checkCredentials(env, c, authKind, allowed, errors));
        if (!errors.isEmpty()) {
            List<FieldViolation> fields = errors.entrySet().stream()
                    .map(e -> new FieldViolation(e.getKey(), e.getValue())).toList();
            throw new Invalid("The connection is invalid: " + FieldViolation.describe(fields), fields);
        }
        return new ConnectionSettings(s.name(), s.kind(), s.description(), s.endpoint(), auth, s.smtp(), credentials);
    }

    /** An environment's credentials hold exactly the fields its auth kind uses, each of a storable length. */
    private static void checkCredentials(String env, Credentials c, String authKind, Set<String> allowed,
            Map<String, String> errors) {
        if (!ENVIRONMENTS.contains(env)) {
            errors.put("credentials." + env, "unknown environment; use test or production");
            return;
        }
        if (c == null) {
            errors.put("credentials." + env, "must be an object");
            return;
        }
        for (String field : c.setFields()) {
            if (!allowed.contains(field)) {
                errors.put("credentials." + env + "." + field, "is not used by auth kind " + authKind);
            }
        }
        for (String field : allowed) {
            if (!c.setFields().contains(field)) {
                errors.put("credentials." + env + "." + field, "is required by auth kind " + authKind);
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("username", c.username());
        values.put("password", c.password());
        values.put("token", c.token());
        values.put("apiKey", c.apiKey());
        values.put("clientId", c.clientId());
        values.put("clientSecret", c.clientSecret());
        values.forEach((field, value) -> {
            if (value != null && value.length() > MAX_VALUE) {
                errors.put("credentials." + env + "." + field, "must be at most " + MAX_VALUE + " characters");
            }
        });
    }

    private static boolean isHttpUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && Set.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
