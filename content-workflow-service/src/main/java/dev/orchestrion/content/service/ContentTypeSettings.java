package dev.orchestrion.content.service;

import java.util.List;

import dev.orchestrion.content.model.ContentField;

/**
 * What a client sets on a content type (create, or create-or-replace): each may be absent; {@link ContentTypeService}
 * checks them together and fills in the defaults.
 *
 * @param id kept from the first write (a UUID when given)
 * @param workflowId the workflow its entries follow ({@code saved} when absent)
 */
public record ContentTypeSettings(String id, String name, String label, String workflowId, List<ContentField> fields) {
}
