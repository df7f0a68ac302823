package dev.orchestrion.console.config;

/** How users sign in to the console. */
public enum SignInMode {
    /** OpenID Connect authorization-code flow against the operator's identity provider. */
    OIDC,
    /** A one-time code from {@code ./orchestrion console-link}; never in the prod profile. */
    LOCAL
}
