package dev.orchestrion.cases.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The parameter values a run of one workflow definition will use, validated against (and completed with the defaults
 * of) the definition's parameter schema. Immutable once created.
 */
@Entity
@Immutable
@Table(name = "parameter_sets")
public class ParameterSetEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public UUID workflowDefinitionId;

    /** The published version the values were validated against; null for a never-started draft. */
    public Integer definitionVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> parameters;

    @Column(nullable = false)
    public Instant createdAt;

    /** The names of the redacted parameters as the set's schema declared them; null for sets stored before V3. */
    public String[] redacted;

    /** Never prints the values: some parameters are redacted. */
    @Override
    public String toString() {
        return "ParameterSet[" + id + ", tenant=" + tenant + ", definition=" + workflowDefinitionId + "]";
    }
}
