package dev.orchestrion.cases.model;

import java.util.Optional;

/** The fields of a case a client may set, by the names clients and events use. */
public enum CaseField {

    FIRST_NAME("firstName", true), LAST_NAME("lastName", true), PERSONAL_NUMBER("personalNumber", true), EMAIL("email",
            true), COMPANY_NAME("companyName", true), COMPANY_NUMBER("companyNumber", true), COMPANY_ADDRESS(
                    "companyAddress", true), EXTERNAL_REF("externalRef", false), ATTRIBUTES("attributes", true);

    private final String jsonName;
    private final boolean personal;

    CaseField(String jsonName, boolean personal) {
        this.jsonName = jsonName;
        this.personal = personal;
    }

    /** The name in requests, responses and events. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether erasing a case clears it. */
    public boolean personal() {
        return personal;
    }

    public static Optional<CaseField> byJsonName(String name) {
        for (CaseField field : values()) {
            if (field.jsonName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
