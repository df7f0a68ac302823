package dev.orchestrion.support.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.orchestrion.support.problem.ProblemException;

/**
 * Who is calling: the tenant every read and write is scoped to, the subject and the roles, all from the verified
 * bearer token. Resources and services ask this bean instead of reading claims themselves.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's tenant; a token without one is refused. */
    public String tenant() {
        Object claim = token.getClaim(TENANT_CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || tenant.isBlank()) {
            throw ProblemException.forbidden("The bearer token carries no tenant claim");
        }
        return tenant;
    }

    /** The caller's tenant, or null when the token carries none (deployment-level callers). */
    public String tenantIfAny() {
        Object claim = token.getClaim(TENANT_CLAIM);
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }

    /** The token's subject, recorded as the actor of changes. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : token.getName();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
