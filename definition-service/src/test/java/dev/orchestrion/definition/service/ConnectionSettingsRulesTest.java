package dev.orchestrion.definition.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Connection.ConnectionAuth;
import dev.orchestrion.definition.model.Connection.SmtpSettings;
import dev.orchestrion.definition.model.Credentials;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;

/** The rules of how a connection's settings fit together (each field's own rule is the REST body's constraint). */
class ConnectionSettingsRulesTest {

    private static final Credentials TOKEN = new Credentials(null, null, "t0k3n", null, null, null);

    @Test
    void noAuthIsAuthKindNoneAndWellFittingSettingsPass() {
        ConnectionSettings checked = ConnectionService
                .checked(new ConnectionSettings("crm", "http", null, "https://crm.example", null, null, null));
        assertThat(checked.auth()).isEqualTo(new ConnectionAuth("none", null, null, null));
        assertThat(checked.credentials()).isEmpty();
        ConnectionService.checked(new ConnectionSettings("mailer", "smtp", null, null,
                new ConnectionAuth("basic", null, null, null), new SmtpSettings("smtp.example", 587, null, true),
                Map.of("production", new Credentials("u", "p", null, null, null, null))));
    }

    @Test
    void whatAKindAndAnAuthKindNeed() {
        assertThat(violations(new ConnectionSettings("x", "http", null, "not a url",
                new ConnectionAuth("oauth2", null, "ftp://token", null), new SmtpSettings("h", 25, null, null), null)))
                .containsExactly(
                        new FieldViolation("auth.tokenUrl", "an oauth2 connection needs an absolute http(s) token URL"),
                        new FieldViolation("endpoint", "an http connection needs an absolute http(s) URL"),
                        new FieldViolation("smtp", "only a connection of kind smtp has smtp settings"));
        assertThat(violations(new ConnectionSettings("x", "smtp", null, null,
                new ConnectionAuth("apiKey", " ", null, null), null, null)))
                .containsExactly(new FieldViolation("auth.kind", "an smtp connection authenticates with none or basic"),
                        new FieldViolation("auth.headerName", "an apiKey connection needs the header name"),
                        new FieldViolation("smtp.host", "an smtp connection needs a host"),
                        new FieldViolation("smtp.port", "must be a port number, 1 to 65535"));
    }

    @Test
    void eachEnvironmentHoldsExactlyTheCredentialsItsAuthKindUses() {
        Map<String, Credentials> credentials = new HashMap<>();
        credentials.put("staging", TOKEN);
        credentials.put("test", null);
        credentials.put("production", new Credentials(null, "p".repeat(4097), null, null, null, null));
        assertThat(violations(new ConnectionSettings("x", "http", null, "https://x.example",
                new ConnectionAuth("bearer", null, null, null), null, credentials))).containsExactlyInAnyOrder(
                        new FieldViolation("credentials.staging", "unknown environment; use test or production"),
                        new FieldViolation("credentials.test", "must be an object"),
                        new FieldViolation("credentials.production.password", "must be at most 4096 characters"),
                        new FieldViolation("credentials.production.token", "is required by auth kind bearer"));
    }

    @Test
    void theRefusalListsEveryViolationInItsDetail() {
        assertThatThrownBy(
                () -> ConnectionService.checked(new ConnectionSettings("x", "http", null, null, null, null, null)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.detail()).isEqualTo(
                        "The connection is invalid: endpoint: an http connection needs an absolute http(s) URL"));
    }

    private static java.util.List<FieldViolation> violations(ConnectionSettings settings) {
        try {
            ConnectionService.checked(settings);
        } catch (Invalid e) {
            return e.fields();
        }
        return java.util.List.of();
    }
}
