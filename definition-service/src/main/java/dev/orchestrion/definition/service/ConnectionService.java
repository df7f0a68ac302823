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
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Connection.ConnectionAuth;
import dev.orchestrion.definition.model.Connection.SealedCredentials;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.definition.repository.ConnectionRepository;
import dev.orchestrion.definition.rest.ConnectionRequest;
import dev.orchestrion.support.crypto.CredentialCipher;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The tenant's connections: endpoints and credentials per environment. Credentials are encrypted before they are
 * stored and never returned, except decrypted to other services ({@link #decrypted}). An endpoint, token URL or SMTP
 * host that runner-service's outbound guard would refuse is refused when saved, by the same rule.
 */
@ApplicationScoped
public class ConnectionService {

    public static final Set<String> ENVIRONMENTS = Set.of("test", "production");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> KINDS = Set.of("http", "smtp");
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
        return connections.find(tenant, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Connection", id));
    }

    public Uni<Connection> create(String tenant, String actor, ConnectionRequest request) {
        ConnectionRequest r = validate(request);
        return requireAllowedTargets(r).chain(() -> {
            Instant now = DefinitionService.now();
            String id = UUID.randomUUID().toString();
            Map<String, SealedCredentials> sealed = seal(tenant, id, r.credentials(), Map.of());
            return connections.insert(new Connection(id, tenant, r.name(), r.kind(), r.description(), r.endpoint(),
                    r.auth(), r.smtp(), sealed, 0, now, actor, now, actor));
        });
    }

    public Uni<Connection> update(String tenant, String actor, String id, ConnectionRequest request,
            Long expectedRevision) {
        ConnectionRequest r = validate(request);
        Long expected = expectedRevision != null ? expectedRevision : r.revision();
        return requireAllowedTargets(r).chain(() -> get(tenant, id)).chain(existing -> {
            if (expected != null && expected != existing.revision()) {
                throw ProblemException.staleVersion(
                        "Connection " + id + " is at revision " + existing.revision() + ", not " + expected);
            }
            boolean sameAuth = existing.auth().kind().equals(r.auth().kind());
            Map<String, SealedCredentials> kept = sameAuth ? existing.environments() : Map.of();
            Connection next = new Connection(id, tenant, r.name(), r.kind(), r.description(), r.endpoint(), r.auth(),
                    r.smtp(), seal(tenant, id, r.credentials(), kept), existing.revision() + 1, existing.createdAt(),
                    existing.createdBy(), DefinitionService.now(), actor);
            return connections.replace(existing.revision(), next).map(done -> {
                if (!done) {
                    throw ProblemException.staleVersion("Connection " + id + " was changed meanwhile; read it again");
                }
                return next;
            });
        });
    }

    public Uni<Void> delete(String tenant, String id) {
        return connections.delete(tenant, id).invoke(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Connection", id);
            }
        }).replaceWithVoid();
    }

    /** The credentials of one environment in clear, for runner-service's http and sendEmail nodes. */
    public Uni<DecryptedConnection> decrypted(String tenant, String id, String environment) {
        String env = environment == null || environment.isBlank() ? "production" : environment;
        if (!ENVIRONMENTS.contains(env)) {
            throw ProblemException.validation("environment", "must be test or production");
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
    private Uni<Void> requireAllowedTargets(ConnectionRequest r) {
        return targets.requireAllowed(List.of(SavedTarget.url("endpoint", r.endpoint()),
                SavedTarget.url("auth.tokenUrl", "oauth2".equals(r.auth().kind()) ? r.auth().tokenUrl() : null),
                SavedTarget.host("smtp.host", r.smtp() == null ? null : r.smtp().host())));
    }

    private static ConnectionRequest validate(ConnectionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("A connection body is required");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            errors.put("name", "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            errors.put("kind", "must be http or smtp");
        }
        ConnectionAuth auth = r.auth() == null ? new ConnectionAuth("none", null, null, null) : r.auth();
        String authKind = auth.kind() == null ? "none" : auth.kind();
        auth = new ConnectionAuth(authKind, auth.headerName(), auth.tokenUrl(), auth.scope());
        if (!FIELDS_BY_AUTH.containsKey(authKind)) {
            errors.put("auth.kind", "must be one of none, basic, bearer, apiKey, oauth2");
        } else if ("smtp".equals(r.kind()) && !Set.of("none", "basic").contains(authKind)) {
            errors.put("auth.kind", "an smtp connection authenticates with none or basic");
        }
        if ("apiKey".equals(authKind) && (auth.headerName() == null || auth.headerName().isBlank())) {
            errors.put("auth.headerName", "an apiKey connection needs the header name");
        }
        if ("oauth2".equals(authKind) && !isHttpUrl(auth.tokenUrl())) {
            errors.put("auth.tokenUrl", "an oauth2 connection needs an absolute http(s) token URL");
        }
        if ("http".equals(r.kind()) && !isHttpUrl(r.endpoint())) {
            errors.put("endpoint", "an http connection needs an absolute http(s) URL");
        }
        if (r.endpoint() != null && r.endpoint().length() > 2000) {
            errors.put("endpoint", "must be at most 2000 characters");
        }
        if (r.description() != null && r.description().length() > 2000) {
            errors.put("description", "must be at most 2000 characters");
        }
        if ("smtp".equals(r.kind())) {
            if (r.smtp() == null || r.smtp().host() == null || r.smtp().host().isBlank()) {
                errors.put("smtp.host", "an smtp connection needs a host");
            }
            if (r.smtp() == null || r.smtp().port() == null || r.smtp().port() < 1 || r.smtp().port() > 65535) {
                errors.put("smtp.port", "must be a port number, 1 to 65535");
            }
        } else if (r.smtp() != null) {
            errors.put("smtp", "only a connection of kind smtp has smtp settings");
        }
        Map<String, Credentials> credentials = r.credentials() == null ? Map.of() : r.credentials();
        Set<String> allowed = FIELDS_BY_AUTH.getOrDefault(authKind, Set.of());
        credentials.forEach((env, c) -> {
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
        });
        if (!errors.isEmpty()) {
            throw ProblemException.validation(
                    "The connection is invalid: " + String.join("; ",
                            errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()),
                    errors.entrySet().stream()
                            .map(e -> new dev.orchestrion.support.problem.Problem.FieldError(e.getKey(), e.getValue()))
                            .toList());
        }
        return new ConnectionRequest(r.name(), r.kind(), r.description(), r.endpoint(), auth, r.smtp(), credentials,
                r.revision());
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
