package dev.orchestrion.content.mapping;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.PublicVersion;
import dev.orchestrion.content.model.Timestamps;
import dev.orchestrion.content.workflow.WorkflowMachine;

/**
 * Entries as clients see them: {@code id}, the fields, {@code internal} exactly as seed 004 has it (with
 * {@code workflowPublishedAt = -1} and {@code workflowPublicVersion = ""} while nothing is public; the latest version
 * adds {@code createdBy}, the entry's author, which the seed does not have), and {@code sys}
 * for seed 003's users: the version number, the workflow, the revision for {@code If-Match}, and the events the
 * caller may invoke now.
 */
public final class EntryRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EntryRenderer() {
    }

    /** The latest version, with the events these roles may invoke. */
    public static ObjectNode render(Entry e, WorkflowMachine machine, Set<String> roles, Instant now) {
        PublicVersion pub = e.publicVersion();
        ObjectNode node = fields(e.id(), e.data());
        node.set("internal",
                internal(e.createdAt(), e.updatedAt(), e.deletedAt(), e.contentType(), e.workflowState(),
                        e.latestVersion(), pub == null ? null : pub.publishedAt(), pub == null ? null : pub.number())
                        .put("createdBy", e.createdBy()));
        ObjectNode sys = node.putObject("sys").put("versionNo", e.versionNo()).put("workflowId", e.workflowId())
                .put("revision", e.revision());
        var events = sys.putArray("availableEvents");
        if (machine != null && !e.deleted()) {
            machine.available(EntryChanges.context(e, now), roles).forEach(ref -> events.add(ref.key()));
        }
        return node;
    }

    /** The public version, as {@code x-visibility: public} shows it. */
    public static ObjectNode renderPublic(Entry e) {
        PublicVersion pub = e.publicVersion();
        ObjectNode node = fields(e.id(), pub.data());
        node.set("internal", internal(e.createdAt(), pub.publishedAt(), null, e.contentType(), pub.workflowState(),
                pub.number(), pub.publishedAt(), pub.number()));
        node.putObject("sys").put("versionNo", pub.versionNo()).put("workflowId", e.workflowId());
        return node;
    }

    /** The entry as it was at a stored version. */
    public static ObjectNode renderVersion(EntryVersion v) {
        ObjectNode node = fields(v.entryId(), v.data());
        node.set("internal", internal(v.entryCreatedAt(), v.createdAt(), null, v.contentType(), v.workflowState(),
                v.number(), v.publishedAt(), v.publicVersion()));
        node.putObject("sys").put("versionNo", v.versionNo());
        return node;
    }

    private static ObjectNode fields(String id, JsonNode data) {
        ObjectNode node = NODES.objectNode().put("id", id);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            node.set(field.getKey(), field.getValue());
        }
        return node;
    }

    private static ObjectNode internal(Instant createdAt, Instant updatedAt, Instant deletedAt, String contentType,
            String state, int latestVersion, Instant publishedAt, Integer publicVersion) {
        ObjectNode internal = NODES.objectNode().put("createdAt", Timestamps.format(createdAt))
                .put("updatedAt", Timestamps.format(updatedAt))
                .put("deletedAt", deletedAt == null ? "" : Timestamps.format(deletedAt)).put("contentType", contentType)
                .put("workflowState", state).put("latestVersion", latestVersion);
        if (publicVersion == null) {
            internal.put("workflowPublishedAt", -1).put("workflowPublicVersion", "");
        } else {
            internal.put("workflowPublishedAt", Timestamps.format(publishedAt)).put("workflowPublicVersion",
                    publicVersion);
        }
        return internal;
    }
}
