package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which of a tenant's live definitions a search matches, and their order. Every criterion that is set must hold;
 * null (or false) leaves it out.
 *
 * @param text a substring of the name, description or tags, in any case
 * @param statuses one of these statuses
 * @param inNoFolder only definitions at the top level
 * @param inFolders only definitions in one of these folders
 * @param triggerKind triggered this way
 * @param tag carrying this tag
 * @param updatedFrom changed at or after
 * @param updatedTo changed at or before
 */
public record DefinitionQuery(String text, List<String> statuses, boolean inNoFolder, Set<String> inFolders,
        String triggerKind, String tag, Instant updatedFrom, Instant updatedTo, Order order) {

    /** What a search sorts by; ties go by id, in the same direction. */
    public enum SortKey {
        PRIORITY, NAME, UPDATED
    }

    public record Order(SortKey key, boolean descending) {
    }
}
