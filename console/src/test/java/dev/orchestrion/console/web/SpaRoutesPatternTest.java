package dev.orchestrion.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpaRoutesPatternTest {

    @Test
    void pagesAreEverythingButTheApiTheAuthTheEventsTheFrameworkAndFiles() {
        assertThat(SpaRoutes.isPage("/")).isTrue();
        assertThat(SpaRoutes.isPage("/runs")).isTrue();
        assertThat(SpaRoutes.isPage("/runs/0193a4c2-7d1e-7000-8000-000000000001")).isTrue();
        assertThat(SpaRoutes.isPage("/definitions/abc/versions/")).isTrue();
        assertThat(SpaRoutes.isPage("/apis")).as("a page that only starts like api").isTrue();
        assertThat(SpaRoutes.isPage("/eventsource-help")).isTrue();

        assertThat(SpaRoutes.isPage("/api/runner/workflows/runs")).isFalse();
        assertThat(SpaRoutes.isPage("/api")).isFalse();
        assertThat(SpaRoutes.isPage("/auth/me")).isFalse();
        assertThat(SpaRoutes.isPage("/events")).isFalse();
        assertThat(SpaRoutes.isPage("/q/health")).isFalse();
        assertThat(SpaRoutes.isPage("/assets/index-3f2a.js")).isFalse();
        assertThat(SpaRoutes.isPage("/favicon.ico")).isFalse();
        assertThat(SpaRoutes.isPage("/runs/x.json")).isFalse();
    }
}
