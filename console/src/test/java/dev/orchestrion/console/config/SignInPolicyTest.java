package dev.orchestrion.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    @Test
    void localSignInIsRefusedWheneverTheProdProfileIsActive() {
        assertThat(SignInPolicy.effective(SignInMode.LOCAL, List.of("prod"))).isEqualTo(SignInMode.OIDC);
        assertThat(SignInPolicy.effective(SignInMode.LOCAL, List.of("local", "prod"))).isEqualTo(SignInMode.OIDC);
        assertThat(SignInPolicy.effective(SignInMode.LOCAL, List.of("local"))).isEqualTo(SignInMode.LOCAL);
        assertThat(SignInPolicy.effective(SignInMode.OIDC, List.of("local"))).isEqualTo(SignInMode.OIDC);
    }
}
