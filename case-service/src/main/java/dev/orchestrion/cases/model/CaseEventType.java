package dev.orchestrion.cases.model;

/** The events a case emits on {@code workflow.case-events}, by their CloudEvents type (see docs/events). */
public enum CaseEventType {

    CREATED("dev.orchestrion.case.created"), UPDATED("dev.orchestrion.case.updated"), ERASED(
            "dev.orchestrion.case.erased");

    private final String cloudEventType;

    CaseEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}
