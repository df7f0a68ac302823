package dev.orchestrion.console.session;

import java.util.List;

/** Who is signed in: what the services know a caller by (the token's subject, {@code tenant} and {@code groups}). */
public record ConsoleUser(String subject, String tenant, List<String> roles) {

    public ConsoleUser {
        roles = List.copyOf(roles);
    }
}
