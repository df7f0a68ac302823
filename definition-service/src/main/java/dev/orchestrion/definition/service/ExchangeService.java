package dev.orchestrion.definition.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.graph.DefinitionShape;
import dev.orchestrion.definition.graph.ShapeError;
import dev.orchestrion.definition.model.Connection;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.Folder;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.FolderRepository;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.edge.JsonBodyScan;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.ids.ResourceId;

/**
 * Export to and import from {@code .cn} files (docs/cn-format.md): definitions with the contents they use, and
 * references by name and type to connections, folders and other definitions, never secrets. An import always creates
 * drafts with new ids.
 */
@ApplicationScoped
public class ExchangeService {

    public static final String FORMAT = "orchestrion.cn";
    public static final int FORMAT_VERSION = 1;
    public static final int MAX_DEFINITIONS = 100;

    private final DefinitionService definitions;
    private final DefinitionRepository repository;
    private final FolderRepository folders;
    private final ObjectMapper json;

    public ExchangeService(DefinitionService definitions, DefinitionRepository repository, FolderRepository folders,
            ObjectMapper json) {
        this.definitions = definitions;
        this.repository = repository;
        this.folders = folders;
        this.json = json;
    }

    /** One {@code .cn} document holding every listed definition (their drafts, i.e. the latest edits). */
    public Uni<ObjectNode> export(String tenant, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw Invalid.field("id", "name at least one definition to export");
        }
        if (ids.size() > MAX_DEFINITIONS) {
            throw Invalid.field("id", "at most " + MAX_DEFINITIONS + " definitions per file");
        }
        Ids.requireAll("id", ResourceId.Kind.UUID, ids);
        Uni<List<Folder>> tenantFolders = folders.listTenant(tenant);
        Uni<Map<String, Connection>> connections = definitions.connectionsByName(tenant);
        return Uni.combine().all().unis(tenantFolders, connections).asTuple()
                .chain(t -> Multi.createFrom().iterable(new LinkedHashSet<>(ids)).onItem()
                        .transformToUniAndConcatenate(id -> definitions.stored(tenant, id)
                                .chain(stored -> definitions.draftOf(stored).map(draft -> Map.entry(stored, draft))))
                        .collect().asList().map(list -> document(list, t.getItem1(), t.getItem2())));
    }

    private ObjectNode document(List<Map.Entry<StoredDefinition, DefinitionContent>> list, List<Folder> tenantFolders,
            Map<String, Connection> connections) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("exportedAt", DefinitionService.now().toString());
        ArrayNode entries = root.putArray("definitions");
        Map<String, ObjectNode> references = new LinkedHashMap<>();
        Set<String> exportedIds = new LinkedHashSet<>();
        list.forEach(e -> exportedIds.add(e.getKey().id()));
        for (Map.Entry<StoredDefinition, DefinitionContent> e : list) {
            StoredDefinition stored = e.getKey();
            DefinitionContent draft = e.getValue().normalized();
            ObjectNode entry = entries.addObject();
            entry.put("sourceId", stored.id());
            String folderPath = path(tenantFolders, draft.folderId());
            entry.put("folder", folderPath);
            entry.set("definition", json.valueToTree(draft.withFolderId(null)));
            if (folderPath != null) {
                references.computeIfAbsent("folder:" + folderPath, k -> reference("folder", folderPath, null));
            }
            for (Node node : draft.nodes()) {
                JsonNode connection = node.propertiesOrEmpty().get("connection");
                if (connection != null && connection.isTextual()) {
                    Connection known = connections.get(connection.asText());
                    String kind = known != null ? known.kind() : ("sendEmail".equals(node.type()) ? "smtp" : "http");
                    references.computeIfAbsent("connection:" + connection.asText(),
                            k -> reference("connection", connection.asText(), kind));
                }
                JsonNode child = node.propertiesOrEmpty().get("definitionId");
                if ("subWorkflow".equals(node.type()) && child != null && child.isTextual()
                        && !exportedIds.contains(child.asText())) {
                    references.computeIfAbsent("definition:" + child.asText(), k -> {
                        ObjectNode ref = reference("definition", null, null);
                        ref.put("id", child.asText());
                        return ref;
                    });
                }
            }
        }
        ArrayNode refs = root.putArray("references");
        references.values().forEach(refs::add);
        return root;
    }

    private ObjectNode reference(String type, String name, String kind) {
        ObjectNode ref = json.createObjectNode();
        ref.put("type", type);
        if (name != null) {
            ref.put("name", name);
        }
        if (kind != null) {
            ref.put("kind", kind);
        }
        return ref;
    }

    /** The folder's path from the top ("Onboarding/KYC"), or null. */
    public static String path(List<Folder> all, String folderId) {
        if (folderId == null) {
            return null;
        }
        Map<String, Folder> byId = new HashMap<>();
        all.forEach(f -> byId.put(f.id(), f));
        List<String> names = new ArrayList<>();
        Folder at = byId.get(folderId);
        int guard = 0;
        while (at != null && guard++ < 100) {
            names.add(0, at.name());
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
        return names.isEmpty() ? null : String.join("/", names);
    }

    /** What an import created and what it could not resolve. */
    public record ImportResult(List<ImportedDefinition> items, List<Unresolved> unresolved) {
    }

    public record ImportedDefinition(String sourceId, String id, String name, String folderId,
            List<Incident> incidents) {
    }

    public record Unresolved(String type, String name, String message) {
    }

    private record Entry(String sourceId, String folderPath, DefinitionContent content) {
    }

    public Uni<ImportResult> importFile(String tenant, String actor, String file, String folderId) {
        List<Entry> entries = parse(file);
        return definitions.requireFolder(tenant, folderId == null || folderId.isBlank() ? null : folderId)
                .chain(() -> Uni.combine().all().unis(folders.listTenant(tenant), definitions.connectionsByName(tenant))
                        .asTuple())
                .chain(t -> {
                    List<Folder> tenantFolders = t.getItem1();
                    Map<String, Connection> connections = t.getItem2();
                    List<Unresolved> unresolved = new ArrayList<>();
                    Map<String, String> newIds = new HashMap<>();
                    entries.forEach(e -> newIds.put(e.sourceId(), java.util.UUID.randomUUID().toString()));
                    return Multi.createFrom().iterable(entries).onItem()
                            .transformToUniAndConcatenate(
                                    e -> relink(tenant, e, tenantFolders, connections, newIds, folderId, unresolved))
                            .collect().asList()
                            .chain(relinked -> Multi.createFrom().iterable(relinked).onItem()
                                    .transformToUniAndConcatenate(e -> definitions
                                            .createDraft(tenant, actor, e.content(), newIds.get(e.sourceId()))
                                            .chain(stored -> definitions
                                                    .incidentsOf(tenant, e.content(), Set.copyOf(newIds.values()))
                                                    .map(incidents -> new ImportedDefinition(e.sourceId(), stored.id(),
                                                            stored.name(), stored.folderId(), incidents))))
                                    .collect().asList())
                            .map(items -> new ImportResult(items, dedupe(unresolved)));
                });
    }

    private static List<Unresolved> dedupe(List<Unresolved> unresolved) {
        return List.copyOf(new LinkedHashSet<>(unresolved));
    }

    private Uni<Entry> relink(String tenant, Entry e, List<Folder> tenantFolders, Map<String, Connection> connections,
            Map<String, String> newIds, String targetFolderId, List<Unresolved> unresolved) {
        DefinitionContent content = e.content();
        String folder = targetFolderId == null || targetFolderId.isBlank() ? null : targetFolderId;
        if (folder == null && e.folderPath() != null) {
            folder = tenantFolders.stream().filter(f -> e.folderPath().equals(path(tenantFolders, f.id())))
                    .map(Folder::id).findFirst().orElse(null);
            if (folder == null) {
                unresolved.add(new Unresolved("folder", e.folderPath(),
                        "No folder " + e.folderPath() + " here; imported at the top level"));
            }
        }
        List<Node> nodes = new ArrayList<>();
        List<Uni<Node>> pending = new ArrayList<>();
        for (Node node : content.nodes()) {
            JsonNode connection = node.propertiesOrEmpty().get("connection");
            if (connection != null && connection.isTextual()) {
                String wanted = "sendEmail".equals(node.type()) ? "smtp" : "http";
                Connection found = connections.get(connection.asText());
                if (found == null || !found.kind().equals(wanted)) {
                    unresolved.add(new Unresolved("connection", connection.asText(),
                            "No connection named " + connection.asText() + " of kind " + wanted
                                    + " here; see the UNKNOWN_CONNECTION incident"));
                }
            }
            JsonNode child = node.propertiesOrEmpty().get("definitionId");
            if ("subWorkflow".equals(node.type()) && child != null && child.isTextual()) {
                String newId = newIds.get(child.asText());
                if (newId != null) {
                    pending.add(Uni.createFrom().item(withProperty(node, "definitionId", newId)));
                    continue;
                }
                pending.add(repository.find(tenant, child.asText()).map(existing -> {
                    if (existing == null) {
                        unresolved.add(new Unresolved("definition", child.asText(), "Sub-workflow node " + node.id()
                                + " names definition " + child.asText() + ", which does not exist here"));
                    }
                    return node;
                }));
                continue;
            }
            pending.add(Uni.createFrom().item(node));
        }
        String finalFolder = folder;
        Uni<List<Node>> resolved = pending.isEmpty()
                ? Uni.createFrom().item(nodes)
                : Multi.createFrom().iterable(pending).onItem().transformToUniAndConcatenate(u -> u).collect().asList();
        return resolved.map(
                list -> new Entry(e.sourceId(), e.folderPath(), content.withNodes(list).withFolderId(finalFolder)));
    }

    private static Node withProperty(Node node, String property, String value) {
        Map<String, JsonNode> properties = new LinkedHashMap<>(node.propertiesOrEmpty());
        properties.put(property, TextNode.valueOf(value));
        return new Node(node.id(), node.type(), node.name(), node.position(), properties, node.retry(), node.timeout());
    }

    /** Reads and checks a {@code .cn} file; anything corrupt, foreign or malformed is a 400 saying why. */
    List<Entry> parse(String file) {
        if (file == null || file.isBlank()) {
            throw new Invalid("The .cn file is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JsonProcessingException e) {
            throw new Invalid("The file is not a .cn file: it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("The file is not a .cn file: it is not a JSON object");
        }
        // whatever its Content-Type, the file is JSON that ends up stored: the edge rule for text applies
        JsonBodyScan.scan(file);
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new Invalid("The file is not a .cn file of Orchestrion: format is "
                    + (root.has("format") ? "'" + root.path("format").asText() + "'" : "missing") + ", expected '"
                    + FORMAT + "'");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.isIntegralNumber() || version.asInt() < 1) {
            throw new Invalid("The .cn file has no valid formatVersion");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new Invalid("The .cn file has formatVersion " + version.asInt()
                    + "; this service reads formatVersion " + FORMAT_VERSION);
        }
        JsonNode list = root.path("definitions");
        if (!list.isArray() || list.isEmpty()) {
            throw new Invalid("The .cn file holds no definitions");
        }
        if (list.size() > MAX_DEFINITIONS) {
            throw new Invalid("The .cn file holds more than " + MAX_DEFINITIONS + " definitions");
        }
        List<Entry> entries = new ArrayList<>();
        List<FieldViolation> errors = new ArrayList<>();
        Set<String> sourceIds = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "definitions[" + i + "]";
            if (!item.isObject() || !item.path("definition").isObject()) {
                errors.add(new FieldViolation(at, "must be an object with a definition"));
                continue;
            }
            String sourceId = item.path("sourceId").asText("");
            if (sourceId.isBlank() || !sourceIds.add(sourceId)) {
                errors.add(new FieldViolation(at + ".sourceId", "must be present and unique in the file"));
            }
            JsonNode folder = item.get("folder");
            if (folder != null && !folder.isNull() && !folder.isTextual()) {
                errors.add(new FieldViolation(at + ".folder", "must be a folder path or null"));
            }
            DefinitionContent content;
            try {
                content = json.treeToValue(item.get("definition"), DefinitionContent.class);
            } catch (JsonMappingException e) {
                errors.add(new FieldViolation(at + ".definition" + pathOf(e), e.getOriginalMessage()));
                continue;
            } catch (IOException e) {
                errors.add(new FieldViolation(at + ".definition", e.getMessage()));
                continue;
            }
            for (ShapeError shape : DefinitionShape.check(content)) {
                errors.add(new FieldViolation(at + ".definition." + shape.field(), shape.message()));
            }
            entries.add(new Entry(sourceId, folder == null || folder.isNull() ? null : folder.asText(),
                    content.normalized()));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(
                    "The .cn file holds malformed definitions: "
                            + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
                    errors);
        }
        return entries;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
