package dev.orchestrion.cases.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.model.IdempotencyClaim;
import dev.orchestrion.cases.model.NameSearch;
import dev.orchestrion.cases.model.OutboxEvent;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    /** The case and its CaseCreated outbox row in one statement: one round trip, one transaction. */
    private static final String INSERT = """
            WITH new_case AS (
                INSERT INTO cases (id, tenant, first_name, last_name, personal_number, email, company_name,
                                   company_number, company_address, external_ref, attributes, created_at, updated_at,
                                   version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $12, 0)
            )
            INSERT INTO case_outbox (event_id, case_id, tenant, type, occurred_at, payload)
            VALUES ($13, $1, $2, $14, $12, $15)
            """;

    /**
     * The same, but only if the Idempotency-Key is free (or expired): claiming it, creating the case and writing the
     * event happen together or not at all. A concurrent request with the same key waits on the key's unique index
     * until this one commits, then finds it taken.
     */
    /**
     * The same, but only if the Idempotency-Key is free (or expired): claiming it, creating the case and writing the
     * event happen together or not at all. A concurrent request with the same key waits on the key's unique index
     * until this one commits, then finds it taken.
     */
    private static final String INSERT_CLAIMING_KEY = "WITH " + IdempotencyKeyRepository.claimCte(2, 16, 17, 1, 12, 18)
            + """
                    , new_case AS (
                        INSERT INTO cases (id, tenant, first_name, last_name, personal_number, email, company_name,
                                           company_number, company_address, external_ref, attributes, created_at,
                                           updated_at, version)
                        SELECT $1::uuid, $2::varchar, $3::varchar, $4::varchar, $5::varchar, $6::varchar, $7::varchar,
                               $8::varchar, $9::varchar, $10::varchar, $11::text::jsonb, $12::timestamptz,
                               $12::timestamptz, 0
                        FROM claim
                    ), event AS (
                        INSERT INTO case_outbox (event_id, case_id, tenant, type, occurred_at, payload)
                        SELECT $13::uuid, $1::uuid, $2::varchar, $14::varchar, $12::timestamptz, $15::text
                        FROM claim
                    )
                    SELECT count(*) FROM claim
                    """;

    private final Pool pool;

    public CaseRepository(Pool pool) {
        this.pool = pool;
    }

    /** The case if it belongs to the tenant; another tenant's case is as absent as a missing one. */
    public Uni<CaseEntity> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /**
     * The case, locked until the transaction ends, so that concurrent changes of one case queue up instead of failing
     * on each other's version.
     */
    public Uni<CaseEntity> findInTenantForUpdate(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Stores a new case with its CaseCreated event.
     *
     * @param attributesJson the attributes as JSON text
     * @param claim the Idempotency-Key to claim, or null
     * @return whether the case was stored: false only when {@code claim}'s key is already taken
     */
    public Uni<Boolean> insertWithEvent(CaseEntity entity, String attributesJson, OutboxEvent event,
            IdempotencyClaim claim) {
        List<Object> values = new ArrayList<>(18);
        values.add(entity.id);
        values.add(entity.tenant);
        values.add(entity.firstName);
        values.add(entity.lastName);
        values.add(entity.personalNumber);
        values.add(entity.email);
        values.add(entity.companyName);
        values.add(entity.companyNumber);
        values.add(entity.companyAddress);
        values.add(entity.externalRef);
        values.add(attributesJson);
        values.add(entity.createdAt.atOffset(ZoneOffset.UTC));
        values.add(event.eventId);
        values.add(event.type);
        values.add(event.payload);
        if (claim == null) {
            return pool.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWith(Boolean.TRUE);
        }
        values.add(claim.key());
        values.add(claim.requestHash());
        values.add(claim.expiresAt().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT_CLAIMING_KEY).execute(Tuple.from(values))
                .map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    /**
     * One page of the tenant's cases matching every given filter (null filters are ignored), newest first, and how
     * many match in all. E-mail matches whatever its case; a name as {@link NameSearch} says, through the prefix
     * indexes on the lower-cased names (V4). Needs a session.
     */
    public Uni<Page<CaseEntity>> search(String tenant, String email, String personalNumber, String companyNumber,
            String externalRef, NameSearch name, PageRequest paging) {
        StringBuilder query = new StringBuilder("tenant = :tenant");
        Parameters parameters = Parameters.with("tenant", tenant);
        if (email != null) {
            query.append(" and lower(email) = lower(:email)");
            parameters.and("email", email);
        }
        if (personalNumber != null) {
            query.append(" and personalNumber = :personalNumber");
            parameters.and("personalNumber", personalNumber);
        }
        if (companyNumber != null) {
            query.append(" and companyNumber = :companyNumber");
            parameters.and("companyNumber", companyNumber);
        }
        if (externalRef != null) {
            query.append(" and externalRef = :externalRef");
            parameters.and("externalRef", externalRef);
        }
        if (name != null) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < name.alternatives().size(); i++) {
                NameSearch.Alternative alternative = name.alternatives().get(i);
                List<String> fields = new ArrayList<>();
                startsWith(fields, parameters, "firstName", "name" + i + "f", alternative.firstName());
                startsWith(fields, parameters, "lastName", "name" + i + "l", alternative.lastName());
                startsWith(fields, parameters, "companyName", "name" + i + "c", alternative.companyName());
                alternatives.add("(" + String.join(" and ", fields) + ")");
            }
            query.append(" and (").append(String.join(" or ", alternatives)).append(")");
        }
        PanacheQuery<CaseEntity> found = find(query.toString(), Sort.descending("createdAt").and("id"), parameters)
                .page(io.quarkus.panache.common.Page.of(paging.page(), paging.size()));
        return found.count()
                .chain(total -> total == 0
                        ? Uni.createFrom().item(Page.of(paging, List.of(), 0))
                        : found.list().map(items -> Page.of(paging, items, total)));
    }

    /** {@code field} starts with the pattern's text, ignoring case (the pattern ends in % and escapes with \). */
    private static void startsWith(List<String> conditions, Parameters parameters, String field, String parameter,
            String pattern) {
        if (pattern != null) {
            conditions.add("lower(" + field + ") like lower(:" + parameter + ") escape '\\'");
            parameters.and(parameter, pattern);
        }
    }
}
