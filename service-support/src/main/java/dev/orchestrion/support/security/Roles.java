package dev.orchestrion.support.security;

/** The roles a token's {@code groups} claim may carry (see docs/architecture.md, "Security and tenancy"). */
public final class Roles {

    /** Everything within its tenant. */
    public static final String ADMIN = "admin";
    /** Definitions, folders, templates, connections. */
    public static final String DESIGNER = "designer";
    /** Start, pause and finalize workflows; runs, webhooks, statistics. */
    public static final String OPERATOR = "operator";
    /** Client systems: cases, parameters, run requests, status and results. */
    public static final String CLIENT = "client";
    public static final String CONTENT_EDITOR = "content-editor";
    public static final String CONTENT_APPROVER = "content-approver";
    /** Orchestrion services calling each other with tokens they mint for the tenant of the work at hand. */
    public static final String SERVICE = "service";
    /**
     * The deployment's operators (not a tenant's): they also see what belongs to no tenant, such as dead letters of
     * records without a readable tenant. Granted by the identity provider only to the people running the platform.
     */
    public static final String PLATFORM_OPERATOR = "platform-operator";

    private Roles() {
    }
}
