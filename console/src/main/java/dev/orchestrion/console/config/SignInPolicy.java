package dev.orchestrion.console.config;

import java.util.List;

/**
 * Which sign-in the console offers. Local sign-in (a one-time code, tokens minted with the local key) is refused
 * whenever the prod profile is active, whatever the configuration says: a production console signs in through the
 * identity provider only.
 */
public final class SignInPolicy {

    public static final String PROD_PROFILE = "prod";

    private SignInPolicy() {
    }

    public static SignInMode effective(SignInMode configured, List<String> activeProfiles) {
        if (configured == SignInMode.LOCAL && activeProfiles.contains(PROD_PROFILE)) {
            return SignInMode.OIDC;
        }
        return configured;
    }
}
