-- Cases: the people and companies going through workflows. Personal fields are nullable: a client may give any
-- of them, and erasing a case clears them while the id stays for the runs that reference it.
CREATE TABLE cases (
    id              uuid PRIMARY KEY,
    tenant          varchar(64)  NOT NULL,
    first_name      varchar(200),
    last_name       varchar(200),
    personal_number varchar(64),
    email           varchar(320),
    company_name    varchar(300),
    company_number  varchar(64),
    company_address varchar(500),
    external_ref    varchar(200),
    erased          boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);

CREATE INDEX cases_tenant_email ON cases (tenant, email);
CREATE INDEX cases_tenant_personal_number ON cases (tenant, personal_number);
CREATE INDEX cases_tenant_company_number ON cases (tenant, company_number);
CREATE INDEX cases_tenant_external_ref ON cases (tenant, external_ref);
