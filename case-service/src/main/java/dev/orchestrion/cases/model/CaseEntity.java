package dev.orchestrion.cases.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A case: the person or company going through workflows, owned by one tenant. */
@Entity
@Table(name = "cases")
public class CaseEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    public String firstName;
    public String lastName;
    public String personalNumber;
    public String email;
    public String companyName;
    public String companyNumber;
    public String companyAddress;
    public String externalRef;

    /** What workflows learn about the case: a free JSON object, merge-patched. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> attributes = new LinkedHashMap<>();

    public boolean erased;

    public Instant erasedAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Never prints personal fields: a case may end up in logs. */
    @Override
    public String toString() {
        return "Case[" + id + ", tenant=" + tenant + ", version=" + version + (erased ? ", erased" : "") + "]";
    }
}
