package dev.orchestrion.runner.run.repository;

import static dev.orchestrion.runner.sql.SqlTimes.time;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code system_cases} table: the case each definition's caseless triggered runs are for. */
@ApplicationScoped
public class SystemCaseRepository {

    public Uni<UUID> find(SqlClient client, UUID definitionId) {
        return client.preparedQuery("SELECT case_id FROM system_cases WHERE definition_id = $1")
                .execute(Tuple.of(definitionId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("case_id"));
    }

    /** Records the definition's system case unless another instance recorded one first; answers the one that counts. */
    public Uni<UUID> insertIfAbsent(SqlClient client, UUID definitionId, String tenant, UUID caseId, Instant now) {
        return client
                .preparedQuery("INSERT INTO system_cases (definition_id, tenant, case_id, created_at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (definition_id) DO NOTHING")
                .execute(Tuple.of(definitionId, tenant, caseId, time(now))).chain(() -> find(client, definitionId));
    }
}
