package dev.orchestrion.cases.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.cases.model.IdempotencyClaim;
import dev.orchestrion.cases.model.ParameterSetEntity;

@ApplicationScoped
public class ParameterSetRepository implements PanacheRepositoryBase<ParameterSetEntity, UUID> {

    private static final String INSERT = """
            INSERT INTO parameter_sets (id, tenant, workflow_definition_id, definition_version, parameters, created_at,
                                        redacted)
            VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)
            """;

    /** Only if the Idempotency-Key is free (or expired): claiming it and storing the set happen together. */
    private static final String INSERT_CLAIMING_KEY = "WITH " + IdempotencyKeyRepository.claimCte(2, 7, 8, 1, 6, 9)
            + """
                    , new_set AS (
                        INSERT INTO parameter_sets (id, tenant, workflow_definition_id, definition_version, parameters,
                                                    created_at, redacted)
                        SELECT $1::uuid, $2::varchar, $3::uuid, $4::int4, $5::text::jsonb, $6::timestamptz,
                               $10::text[] FROM claim
                    )
                    SELECT count(*) FROM claim
                    """;

    private final Pool pool;

    public ParameterSetRepository(Pool pool) {
        this.pool = pool;
    }

    /** The set if it belongs to the tenant; another tenant's set is as absent as a missing one. */
    public Uni<ParameterSetEntity> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /**
     * Stores a new parameter set.
     *
     * @param parametersJson the values as JSON text
     * @param claim the Idempotency-Key to claim, or null
     * @return whether the set was stored: false only when {@code claim}'s key is already taken
     */
    public Uni<Boolean> insert(ParameterSetEntity set, String parametersJson, IdempotencyClaim claim) {
        List<Object> values = new ArrayList<>(10);
        values.add(set.id);
        values.add(set.tenant);
        values.add(set.workflowDefinitionId);
        values.add(set.definitionVersion);
        values.add(parametersJson);
        values.add(set.createdAt.atOffset(ZoneOffset.UTC));
        String[] redacted = set.redacted;
        if (claim == null) {
            values.add(redacted);
            return pool.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWith(Boolean.TRUE);
        }
        values.add(claim.key());
        values.add(claim.requestHash());
        values.add(claim.expiresAt().atOffset(ZoneOffset.UTC));
        values.add(redacted);
        return pool.preparedQuery(INSERT_CLAIMING_KEY).execute(Tuple.from(values))
                .map(rows -> rows.iterator().next().getLong(0) > 0);
    }
}
