package dev.orchestrion.runner.model;

import java.util.UUID;

/**
 * What a run is asked for, whoever asks (a client's {@code POST /workflows/run}, a trigger, a schedule, an HTTP
 * binding, a subWorkflow node): the definition whose current published version runs, the case it runs for, and the
 * options a client may add. Two orders with the same fields are the same request for idempotency.
 *
 * @param caseId the case the run is for
 * @param definitionId the workflow definition to run
 * @param parametersId a parameter set made for the definition, or null
 * @param environment which connection credentials the run uses; null means production
 * @param callbackUrl where the run's completion webhook goes, or null
 */
public record RunOrder(UUID caseId, String definitionId, UUID parametersId, String environment, String callbackUrl) {

    /** A run nobody waits on by callback and without a parameter set: what triggers and subWorkflows start. */
    public static RunOrder of(String definitionId, UUID caseId, String environment) {
        return new RunOrder(caseId, definitionId, null, environment, null);
    }
}
