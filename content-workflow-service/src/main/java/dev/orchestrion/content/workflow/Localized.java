package dev.orchestrion.content.workflow;

import java.util.Map;

/** Picks the text to show from a localized value: British English, then American English, then any. */
public final class Localized {

    private Localized() {
    }

    public static String text(Map<String, String> values, String fallback) {
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        for (String language : new String[]{"en-GB", "en-US", "en"}) {
            String value = values.get(language);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return values.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(fallback);
    }
}
