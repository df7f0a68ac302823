package dev.orchestrion.cases.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.client.ParameterSchemas;
import dev.orchestrion.cases.model.IdempotencyClaim;
import dev.orchestrion.cases.model.IdempotencyRecord;
import dev.orchestrion.cases.model.NewParameterSet;
import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterSchema;
import dev.orchestrion.cases.model.ParameterSetEntity;
import dev.orchestrion.cases.model.ParameterViolation;
import dev.orchestrion.cases.repository.ParameterSetRepository;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;

/**
 * Parameter sets: values for one workflow definition, checked against the definition's parameter schema (its current
 * published version, or its draft if it never started), completed with the schema's defaults, stored immutable.
 */
@ApplicationScoped
public class ParameterSetService {

    static final String CREATE_OPERATION = "POST /parameters";
    /** What a redacted value shows as. */
    static final String REDACTED = "***";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ParameterSetRepository sets;
    private final ParameterSchemas schemas;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final ParameterValidator validator = new ParameterValidator();

    public ParameterSetService(ParameterSetRepository sets, ParameterSchemas schemas, IdempotencyKeys idempotency,
            ObjectMapper json) {
        this.sets = sets;
        this.schemas = schemas;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * The outcome of a create.
     *
     * @param set the parameter set
     * @param replayed whether an earlier request with the same Idempotency-Key created it
     * @param status the status of the answer (that of the first answer when replayed)
     * @param schema the schema the set was just validated against; null when replayed
     */
    public record Created(ParameterSetEntity set, boolean replayed, int status, ParameterSchema schema) {
    }

    /**
     * Creates a parameter set. With an Idempotency-Key, an earlier identical request's set is answered before anything
     * else (even while definition-service is down); a different request with the key is a 422.
     */
    public Uni<Created> create(String tenant, NewParameterSet request, String idempotencyKey) {
        Instant now = now();
        IdempotencyClaim claim = idempotency.claim(idempotencyKey, CREATE_OPERATION, request, now);
        if (claim == null) {
            return validateAndStore(tenant, request, null, now);
        }
        return idempotency.earlierResult(tenant, claim, now).chain(
                earlier -> earlier != null ? replay(tenant, earlier) : validateAndStore(tenant, request, claim, now));
    }

    private Uni<Created> validateAndStore(String tenant, NewParameterSet request, IdempotencyClaim claim, Instant now) {
        return schemas.current(tenant, request.workflowDefinitionId()).chain(schema -> {
            ParameterValidator.Result result = validator.validate(schema.parameters(), request.parameters());
            if (!result.valid()) {
                throw violations(result.violations());
            }
            ParameterSetEntity set = new ParameterSetEntity();
            set.id = UUID.randomUUID();
            set.tenant = tenant;
            set.workflowDefinitionId = request.workflowDefinitionId();
            set.definitionVersion = schema.version();
            set.parameters = json.convertValue(result.values(), MAP);
            set.createdAt = now;
            set.redacted = redactedNames(schema).toArray(String[]::new);
            return sets.insert(set, text(result.values()), claim).chain(stored -> {
                if (stored) {
                    return Uni.createFrom().item(new Created(set, false, 201, schema));
                }
                // A concurrent request with the same key got there first.
                return idempotency.earlierResult(tenant, claim, now)
                        .chain(earlier -> earlier != null
                                ? replay(tenant, earlier)
                                : Uni.createFrom().failure(
                                        new Conflict("This Idempotency-Key is being reused right now; try again")));
            });
        });
    }

    private Uni<Created> replay(String tenant, IdempotencyRecord earlier) {
        return Panache.withSession(() -> sets.findInTenant(tenant, earlier.resourceId())).onItem().ifNull()
                .failWith(() -> new Conflict("The parameter set this Idempotency-Key created is gone"))
                .map(set -> new Created(set, true, earlier.status(), null));
    }

    public Uni<ParameterSetEntity> get(String tenant, UUID id) {
        return Panache.withSession(() -> sets.findInTenant(tenant, id)).onItem().ifNull()
                .failWith(() -> new NotFound("Parameter set", id));
    }

    /**
     * The set's values as a caller may see them: with {@code revealRedacted} (the service role: runner-service runs
     * with them) as stored, otherwise with the value of every parameter the set's schema declares redacted replaced
     * by {@code "***"}. When that schema is gone (the definition was deleted), every value is masked.
     */
    public Uni<Map<String, Object>> shownParameters(String tenant, ParameterSetEntity set, boolean revealRedacted) {
        return shownParameters(tenant, set, revealRedacted, null);
    }

    /** As {@link #shownParameters(String, ParameterSetEntity, boolean)}, with the set's schema if already known. */
    public Uni<Map<String, Object>> shownParameters(String tenant, ParameterSetEntity set, boolean revealRedacted,
            ParameterSchema knownSchema) {
        if (revealRedacted) {
            return Uni.createFrom().item(set.parameters);
        }
        if (set.redacted != null) {
            // recorded when the set was stored: no call to definition-service, which may be down
            return Uni.createFrom().item(masked(set.parameters, Set.of(set.redacted)));
        }
        Uni<ParameterSchema> schema = knownSchema != null
                ? Uni.createFrom().item(knownSchema)
                : set.definitionVersion == null
                        ? schemas.current(tenant, set.workflowDefinitionId)
                        : schemas.ofVersion(tenant, set.workflowDefinitionId, set.definitionVersion);
        return schema.map(found -> masked(set.parameters, Set.copyOf(redactedNames(found)))).onFailure(NotFound.class)
                .recoverWithItem(() -> masked(set.parameters, set.parameters.keySet()));
    }

    private static List<String> redactedNames(ParameterSchema schema) {
        return schema.parameters().stream().filter(ParameterDeclaration::redacted).map(ParameterDeclaration::name)
                .toList();
    }

    private static Map<String, Object> masked(Map<String, Object> parameters, Set<String> redacted) {
        if (redacted.isEmpty()) {
            return parameters;
        }
        Map<String, Object> shown = new LinkedHashMap<>(parameters);
        shown.replaceAll((name, value) -> redacted.contains(name) ? REDACTED : value);
        return shown;
    }

    /** Checks a stored set against one published version of its definition (a run may pin another version). */
    public Uni<List<ParameterViolation>> validateAgainstVersion(String tenant, UUID id, int version) {
        return get(tenant, id).chain(set -> schemas.ofVersion(tenant, set.workflowDefinitionId, version)
                .map(schema -> validator.validate(schema.parameters(), json.valueToTree(set.parameters)).violations()));
    }

    private String text(ObjectNode values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write parameter values", e);
        }
    }

    private static Invalid violations(List<ParameterViolation> violations) {
        List<FieldViolation> fields = violations.stream().map(v -> new FieldViolation(v.field(), v.message())).toList();
        String detail = "The parameters do not meet the definition's parameter schema: "
                + String.join("; ", fields.stream().map(e -> e.field() + " " + e.message()).toList());
        return new Invalid(detail, fields);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
