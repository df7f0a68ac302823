package dev.orchestrion.definition.service;

import java.util.Map;

import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.Credentials;

/**
 * What a client sets on a connection (create, or replace): each field already meets its own rule (the REST body's
 * constraints); {@link ConnectionService} checks how they fit together.
 *
 * @param credentials per environment; on replace, an environment left out keeps its stored credentials
 */
public record ConnectionSettings(String name, String kind, String description, String endpoint,
        Connection.ConnectionAuth auth, Connection.SmtpSettings smtp, Map<String, Credentials> credentials) {
}
