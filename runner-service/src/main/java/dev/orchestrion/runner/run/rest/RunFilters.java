package dev.orchestrion.runner.run.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.orchestrion.runner.model.RunQuery;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.RunText;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.ids.Ids;

/** The filters of the runs list and its counts, as query parameters; every malformed one is named in one 400. */
public class RunFilters {

    @QueryParam("definitionId")
    @Parameter(description = "Runs of this workflow definition")
    String definitionId;

    @QueryParam("version")
    @Parameter(description = "Runs that pin this version of the definition (needs definitionId)")
    String version;

    @QueryParam("caseId")
    @Parameter(description = "Runs for this case")
    String caseId;

    @QueryParam("status")
    @Parameter(description = "Runs in this status, or in any of several separated by commas (RUNNING,WAITING)")
    String status;

    @QueryParam("from")
    @Parameter(description = "Created at or after (ISO-8601)")
    String from;

    @QueryParam("to")
    @Parameter(description = "Created before (ISO-8601)")
    String to;

    @QueryParam("q")
    @Parameter(description = "Search text, 3 to 200 characters: an id or its start (8 or more hex digits: the run's, its case's or its definition's id), or text inside a failed run's error (message, code or the id of the node that failed), ignoring case")
    String q;

    /** The search these filters ask for in the tenant. */
    RunQuery query(String tenant) {
        List<FieldViolation> violations = new ArrayList<>();
        UUID definition = uuid("definitionId", definitionId, violations);
        Integer pinned = version(definition, violations);
        UUID caseUuid = uuid("caseId", caseId, violations);
        Set<RunStatus> statuses = statuses(violations);
        Instant fromInstant = instant("from", from, violations);
        Instant toInstant = instant("to", to, violations);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        RunText text = null;
        try {
            text = RunText.parse(q);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("q", e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw Invalid.fields(violations);
        }
        return new RunQuery(tenant, definition, pinned, caseUuid, statuses, fromInstant, toInstant, text);
    }

    private Integer version(UUID definition, List<FieldViolation> violations) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(version.trim());
            if (number >= 1) {
                if (definition == null) {
                    violations.add(new FieldViolation("version", "needs definitionId: versions are a definition's"));
                }
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        violations.add(new FieldViolation("version", "must be a whole number from 1"));
        return null;
    }

    private Set<RunStatus> statuses(List<FieldViolation> violations) {
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String name : status.split(",", -1)) {
            try {
                statuses.add(RunStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("status",
                        "must be one of " + List.of(RunStatus.values()) + ", or several separated by commas"));
                return statuses;
            }
        }
        return statuses;
    }

    private static UUID uuid(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Ids.isUuid(value.trim())) {
            violations.add(new FieldViolation(field, Ids.UUID_MESSAGE));
            return null;
        }
        return UUID.fromString(value.trim());
    }

    private static Instant instant(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }
}
