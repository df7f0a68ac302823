-- Finding a case by name (GET /cases?name=): the start of the first, last or company name, ignoring case. The
-- pattern operator class lets a LIKE 'prefix%' on the lower-cased name use the index whatever the collation.
CREATE INDEX cases_tenant_first_name ON cases (tenant, lower(first_name) text_pattern_ops);
CREATE INDEX cases_tenant_last_name ON cases (tenant, lower(last_name) text_pattern_ops);
CREATE INDEX cases_tenant_company_name ON cases (tenant, lower(company_name) text_pattern_ops);
