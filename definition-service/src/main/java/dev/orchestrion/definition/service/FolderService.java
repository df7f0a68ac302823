package dev.orchestrion.definition.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.model.Folder;
import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.FolderRepository;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.ids.ResourceId;

/** The tenant's folder tree: create, rename, move (never under itself), delete (only empty, or moving contents). */
@ApplicationScoped
public class FolderService {

    private final FolderRepository folders;
    private final DefinitionRepository definitions;
    private final DefinitionService definitionService;

    public FolderService(FolderRepository folders, DefinitionRepository definitions,
            DefinitionService definitionService) {
        this.folders = folders;
        this.definitions = definitions;
        this.definitionService = definitionService;
    }

    public Uni<List<Folder>> list(String tenant) {
        return folders.listTenant(tenant);
    }

    /** A folder id a client named (null: none); a malformed one is a 400 naming {@code field}. */
    static String folderId(String field, String id) {
        return id == null ? null : Ids.require(field, ResourceId.Kind.UUID, id);
    }

    public Uni<Folder> get(String tenant, String id) {
        return folders.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("Folder", id));
    }

    public Uni<Folder> create(String tenant, String name, String parentId) {
        String checked = checkName(name);
        String parent = folderId("parentId", blankToNull(parentId));
        Uni<Void> parentExists = parent == null
                ? Uni.createFrom().voidItem()
                : folders.find(tenant, parent).onItem().ifNull()
                        .failWith(() -> Invalid.field("parentId", "no folder " + parent + " exists")).replaceWithVoid();
        Instant now = DefinitionService.now();
        return parentExists.chain(
                () -> folders.insert(new Folder(UUID.randomUUID().toString(), tenant, checked, parent, 0, now, now)));
    }

    /** Renames and/or moves; {@code parentId} "" or "root" moves to the top level, null keeps the parent. */
    public Uni<Folder> update(String tenant, String id, String name, String parentId, Long expectedRevision) {
        return get(tenant, id).chain(folder -> {
            if (expectedRevision != null && expectedRevision != folder.revision()) {
                throw new StaleVersion(
                        "Folder " + id + " is at revision " + folder.revision() + ", not " + expectedRevision);
            }
            String newName = name == null ? folder.name() : checkName(name);
            String newParent = parentId == null
                    ? folder.parentId()
                    : folderId("parentId", parentId.isBlank() || "root".equals(parentId) ? null : parentId);
            Uni<Void> check = newParent == null || newParent.equals(folder.parentId())
                    ? Uni.createFrom().voidItem()
                    : folders.listTenant(tenant).invoke(all -> {
                        if (all.stream().noneMatch(f -> f.id().equals(newParent))) {
                            throw Invalid.field("parentId", "no folder " + newParent + " exists");
                        }
                        if (subtree(all, id).contains(newParent)) {
                            throw new Conflict("Cannot move folder " + id + " into itself or one of its subfolders");
                        }
                    }).replaceWithVoid();
            Folder next = new Folder(id, tenant, newName, newParent, folder.revision() + 1, folder.createdAt(),
                    DefinitionService.now());
            return check.chain(() -> folders.replace(folder.revision(), next)).map(done -> {
                if (!done) {
                    throw new StaleVersion("Folder " + id + " was changed meanwhile; read it again");
                }
                return next;
            });
        });
    }

    /**
     * Deletes an empty folder. With {@code moveContentsTo} ("root" for the top level) its subfolders and definitions
     * move there first; without it, a folder that is not empty is refused with 409.
     */
    public Uni<Void> delete(String tenant, String actor, String id, String moveContentsTo) {
        if (moveContentsTo != null && !moveContentsTo.isBlank() && !"root".equals(moveContentsTo)) {
            folderId("moveContentsTo", moveContentsTo);
        }
        return get(tenant, id).chain(folder -> folders.listTenant(tenant).chain(all -> {
            List<Folder> children = all.stream().filter(f -> id.equals(f.parentId())).toList();
            return definitions.countInFolder(tenant, id).chain(count -> {
                boolean empty = children.isEmpty() && count == 0;
                if (!empty && (moveContentsTo == null || moveContentsTo.isBlank())) {
                    throw new Conflict("Folder " + id + " is not empty (" + children.size() + " subfolder(s), " + count
                            + " definition(s)); move its contents first or pass " + "moveContentsTo");
                }
                if (empty) {
                    return folders.delete(tenant, id).replaceWithVoid();
                }
                String target = "root".equals(moveContentsTo) ? null : moveContentsTo;
                if (target != null) {
                    if (all.stream().noneMatch(f -> f.id().equals(target))) {
                        throw Invalid.field("moveContentsTo", "no folder " + target + " exists");
                    }
                    if (subtree(all, id).contains(target)) {
                        throw new Conflict(
                                "Cannot move the contents of folder " + id + " into itself or one of its subfolders");
                    }
                }
                Uni<Void> moveFolders = Multi.createFrom().iterable(children).onItem()
                        .transformToUniAndConcatenate(
                                child -> update(tenant, child.id(), null, target == null ? "root" : target, null))
                        .collect().asList().replaceWithVoid();
                Uni<Void> moveDefinitions = definitions.inFolders(tenant, List.of(id)).onItem()
                        .transformToMulti(list -> Multi.createFrom().iterable(list)).onItem()
                        .transformToUniAndConcatenate(d -> definitionService.move(tenant, actor, d.id(), target, null))
                        .collect().asList().replaceWithVoid();
                return moveFolders.chain(() -> moveDefinitions).chain(() -> folders.delete(tenant, id))
                        .replaceWithVoid();
            });
        }));
    }

    static Set<String> subtree(List<Folder> all, String rootId) {
        Set<String> scope = new HashSet<>();
        scope.add(rootId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Folder f : all) {
                if (f.parentId() != null && scope.contains(f.parentId()) && scope.add(f.id())) {
                    grew = true;
                }
            }
        }
        return scope;
    }

    /** A folder has a name (its length and characters are the request's field rules), stored trimmed. */
    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw Invalid.field("name", "must not be blank");
        }
        return name.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || "root".equals(value) ? null : value;
    }
}
