package dev.orchestrion.cases.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.config.CasesConfig;
import dev.orchestrion.cases.model.IdempotencyClaim;
import dev.orchestrion.cases.model.IdempotencyRecord;
import dev.orchestrion.cases.repository.IdempotencyKeyRepository;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.Unprocessable;

/**
 * The {@code Idempotency-Key} rules of create requests. A request with a key claims it in the same statement that
 * creates its resource; a later request with the key gets the first answer if it is the same request, and a 422 if
 * it is not. "The same request" means the same operation and the same body once parsed (field order, whitespace and
 * absent-versus-null fields do not count). Keys are forgotten after {@code cases.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,253}[\\x21-\\x7E])?");

    private final IdempotencyKeyRepository keys;
    private final ObjectMapper json;
    private final CasesConfig config;

    public IdempotencyKeys(IdempotencyKeyRepository keys, ObjectMapper json, CasesConfig config) {
        this.keys = keys;
        this.json = json;
        this.config = config;
    }

    /** The claim a request makes with its key, or null without one; a malformed key is a 400. */
    public IdempotencyClaim claim(String key, String operation, Object request, Instant now) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw Invalid.field(HEADER,
                    "must be 1 to 255 printable ASCII characters, not starting or ending with a space");
        }
        return new IdempotencyClaim(key, fingerprint(operation, request), now.plus(config.idempotency().retention()));
    }

    /**
     * What an earlier request with the claim's key created (the resource and the status it was answered with) if that
     * request was the same as this one; a 422 problem if it was not; null if the key is free again (it expired).
     */
    public Uni<IdempotencyRecord> earlierResult(String tenant, IdempotencyClaim claim, Instant now) {
        return keys.find(tenant, claim.key(), now).map(found -> {
            if (found != null && !found.requestHash().equals(claim.requestHash())) {
                throw new Unprocessable(
                        "This Idempotency-Key was already used for a different request; use a new key for a new request");
            }
            return found;
        });
    }

    private String fingerprint(String operation, Object request) {
        JsonNode body = json.valueToTree(request);
        if (body instanceof ObjectNode object) {
            // Absent and null are the same request.
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                }
            });
            object.remove(nulls);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(json.writeValueAsBytes(canonical(body)));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint a request", e);
        }
    }

    /** The same JSON with every object's fields in name order, so that field order does not matter. */
    private JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = json.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = json.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                array.add(canonical(it.next()));
            }
            return array;
        }
        return node;
    }

    /** Used by the cleanup job. */
    Uni<Integer> deleteExpired(Instant now) {
        return keys.deleteExpired(now, config.idempotency().cleanupBatchSize());
    }

    int cleanupBatchSize() {
        return config.idempotency().cleanupBatchSize();
    }
}
