package dev.orchestrion.cases.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hibernate.StaleStateException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.mapping.CaseEventMapper;
import dev.orchestrion.cases.mapping.CaseMapper;
import dev.orchestrion.cases.messaging.OutboxRelay;
import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.model.CaseField;
import dev.orchestrion.cases.model.CaseFields;
import dev.orchestrion.cases.model.IdempotencyClaim;
import dev.orchestrion.cases.model.NameSearch;
import dev.orchestrion.cases.model.OutboxEvent;
import dev.orchestrion.cases.repository.CaseRepository;
import dev.orchestrion.cases.repository.OutboxRepository;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.ids.TimeOrderedIds;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.paging.PageRequest;

/**
 * Creating, reading, changing and erasing cases, always within the caller's tenant. Every change writes its event to
 * the outbox in the same transaction and wakes the relay once it has committed.
 */
@ApplicationScoped
public class CaseService {

    static final String CREATE_OPERATION = "POST /cases";

    /** How often a change without If-Match is tried again when a concurrent change got there first. */
    private static final int CONCURRENT_CHANGE_RETRIES = 3;

    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final IdempotencyKeys idempotency;
    private final Validator validator;
    private final ObjectMapper json;
    private final int maxAttributeBytes;

    public CaseService(CaseRepository cases, OutboxRepository outbox, OutboxRelay relay, IdempotencyKeys idempotency,
            Validator validator, ObjectMapper json, CasesConfig config) {
        this.cases = cases;
        this.outbox = outbox;
        this.relay = relay;
        this.idempotency = idempotency;
        this.validator = validator;
        this.json = json;
        this.maxAttributeBytes = config.attributes().maxBytes();
    }

    /**
     * The outcome of a create.
     *
     * @param entity the case
     * @param replayed whether an earlier request with the same Idempotency-Key created it
     * @param status the status of the answer (that of the first answer when replayed)
     */
    public record Created(CaseEntity entity, boolean replayed, int status) {
    }

    /**
     * Creates a case and its CaseCreated event in one statement (one round trip). With an Idempotency-Key, the same
     * request again answers the case the first one created; a different request with the key is a 422.
     */
    public Uni<Created> create(String tenant, CaseFields request, String idempotencyKey) {
        String attributesJson = attributesJson(request.attributes());
        Instant now = now();
        IdempotencyClaim claim = idempotency.claim(idempotencyKey, CREATE_OPERATION, request, now);
        return create(tenant, request, attributesJson, claim, now, true);
    }

    private Uni<Created> create(String tenant, CaseFields request, String attributesJson, IdempotencyClaim claim,
            Instant now, boolean mayRetry) {
        CaseEntity entity = new CaseEntity();
        entity.id = TimeOrderedIds.next();
        entity.tenant = tenant;
        CaseMapper.apply(request, entity, json);
        entity.createdAt = now;
        entity.updatedAt = now;
        OutboxEvent created = CaseEventMapper.created(entity, givenFields(request), json);
        return cases.insertWithEvent(entity, attributesJson, created, claim).chain(stored -> {
            if (stored) {
                relay.wake();
                return Uni.createFrom().item(new Created(entity, false, 201));
            }
            return idempotency.earlierResult(tenant, claim, now).chain(earlier -> {
                if (earlier != null) {
                    return Panache.withSession(() -> cases.findInTenant(tenant, earlier.resourceId())).onItem().ifNull()
                            .failWith(() -> new Conflict("The case this Idempotency-Key created no longer exists"))
                            .map(existing -> new Created(existing, true, earlier.status()));
                }
                // The key expired between the claim and the look-up: claim it again, once.
                return mayRetry
                        ? create(tenant, request, attributesJson, claim, now(), false)
                        : Uni.createFrom()
                                .failure(new Conflict("This Idempotency-Key is being reused right now; try again"));
            });
        });
    }

    @WithSession
    public Uni<CaseEntity> get(String tenant, UUID id) {
        return cases.findInTenant(tenant, id).onItem().ifNull().failWith(() -> new NotFound("Case", id));
    }

    @WithSession
    public Uni<Page<CaseEntity>> search(String tenant, String email, String personalNumber, String companyNumber,
            String externalRef, NameSearch name, PageRequest paging) {
        return cases.search(tenant, email, personalNumber, companyNumber, externalRef, name, paging);
    }

    /**
     * Applies a JSON merge patch to the case, locked for the transaction so that concurrent changes queue up. With
     * {@code expectedVersion} (from If-Match) a case that changed since is a 409; without, the patch applies to the
     * latest version. A patch that changes nothing emits nothing.
     */
    public Uni<CaseEntity> patch(String tenant, UUID id, Long expectedVersion, JsonNode body) {
        CaseMergePatch.Parsed parsed = CaseMergePatch.parse(body);
        if (!parsed.valid()) {
            throw Invalid.fields(parsed.errors());
        }
        Uni<Change> change = Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> cases.findInTenantForUpdate(tenant, id).onItem().ifNull()
                        .failWith(() -> new NotFound("Case", id))
                        .chain(entity -> applyPatch(entity, expectedVersion, parsed.patch()))));
        return afterCommit(retryOrConflict(change, expectedVersion, id));
    }

    /**
     * Erases the case's personal data (the fields and the attributes); the id, externalRef and timestamps stay so that
     * runs referring to the case stay consistent. Erasing an erased case changes nothing.
     */
    public Uni<CaseEntity> erase(String tenant, UUID id) {
        Uni<Change> change = Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> cases.findInTenantForUpdate(tenant, id).onItem().ifNull()
                        .failWith(() -> new NotFound("Case", id)).chain(this::applyErasure)));
        return afterCommit(retryOrConflict(change, null, id));
    }

    private record Change(CaseEntity entity, boolean changed) {
    }

    private Uni<Change> applyPatch(CaseEntity entity, Long expectedVersion, CaseMergePatch patch) {
        if (entity.erased) {
            throw new Conflict("Case " + entity.id + " was erased; an erased case cannot be changed");
        }
        if (expectedVersion != null && entity.version != expectedVersion) {
            throw stale(entity.id, expectedVersion, entity.version);
        }
        CaseFields before = CaseMapper.writableFields(entity, json);
        CaseFields after = patch.applyTo(before);
        validateFields(after);
        attributesJson(after.attributes());
        Set<CaseField> changed = CaseMergePatch.changedFields(before, after);
        if (changed.isEmpty()) {
            return Uni.createFrom().item(new Change(entity, false));
        }
        Instant now = now();
        CaseMapper.apply(after, entity, json);
        entity.updatedAt = now;
        // The flush at commit gives the case version + 1: the event's revision.
        OutboxEvent updated = CaseEventMapper.updated(entity, changed, entity.version + 1, now, json);
        return outbox.persist(updated).replaceWith(new Change(entity, true));
    }

    private Uni<Change> applyErasure(CaseEntity entity) {
        if (entity.erased) {
            return Uni.createFrom().item(new Change(entity, false));
        }
        Instant now = now();
        CaseMapper.erasePersonalFields(entity);
        entity.erased = true;
        entity.erasedAt = now;
        entity.updatedAt = now;
        OutboxEvent erased = CaseEventMapper.erased(entity, entity.version + 1, now, json);
        return outbox.persist(erased).replaceWith(new Change(entity, true));
    }

    private Uni<Change> retryOrConflict(Uni<Change> change, Long expectedVersion, UUID id) {
        if (expectedVersion == null) {
            return change.onFailure(CaseService::isConcurrentChange).retry().atMost(CONCURRENT_CHANGE_RETRIES);
        }
        return change.onFailure(CaseService::isConcurrentChange).transform(e -> new StaleVersion("Case " + id
                + " changed while this request ran; " + "read it again and send its current ETag in If-Match"));
    }

    private Uni<CaseEntity> afterCommit(Uni<Change> change) {
        return change.invoke(done -> {
            if (done.changed()) {
                relay.wake();
            }
        }).map(Change::entity);
    }

    private void validateFields(CaseFields fields) {
        Set<ConstraintViolation<CaseFields>> violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw Invalid.fields(
                    violations.stream().map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
                            .sorted(Comparator.comparing(FieldViolation::field)).toList());
        }
    }

    /** The attributes as JSON text, or a 400 when they are larger than allowed. */
    private String attributesJson(ObjectNode attributes) {
        try {
            String text = attributes == null ? "{}" : json.writeValueAsString(attributes);
            if (text.getBytes(StandardCharsets.UTF_8).length > maxAttributeBytes) {
                throw Invalid.field(CaseField.ATTRIBUTES.jsonName(),
                        "must be at most " + maxAttributeBytes + " bytes of JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw Invalid.field(CaseField.ATTRIBUTES.jsonName(), "is not valid JSON");
        }
    }

    private static Set<CaseField> givenFields(CaseFields request) {
        Set<CaseField> given = new LinkedHashSet<>();
        addIfPresent(given, CaseField.FIRST_NAME, request.firstName());
        addIfPresent(given, CaseField.LAST_NAME, request.lastName());
        addIfPresent(given, CaseField.PERSONAL_NUMBER, request.personalNumber());
        addIfPresent(given, CaseField.EMAIL, request.email());
        addIfPresent(given, CaseField.COMPANY_NAME, request.companyName());
        addIfPresent(given, CaseField.COMPANY_NUMBER, request.companyNumber());
        addIfPresent(given, CaseField.COMPANY_ADDRESS, request.companyAddress());
        addIfPresent(given, CaseField.EXTERNAL_REF, request.externalRef());
        if (request.attributes() != null && !request.attributes().isEmpty()) {
            given.add(CaseField.ATTRIBUTES);
        }
        return given;
    }

    private static void addIfPresent(Set<CaseField> given, CaseField field, String value) {
        if (value != null) {
            given.add(field);
        }
    }

    private static StaleVersion stale(UUID id, long expected, long actual) {
        return new StaleVersion("Case " + id + " is at version " + actual + ", not " + expected
                + "; read it again and send its current ETag in If-Match");
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds: the answer shows what a later read returns.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
