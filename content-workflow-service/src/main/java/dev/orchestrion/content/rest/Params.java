package dev.orchestrion.content.rest;

import dev.orchestrion.support.problem.ProblemException;

/** Query parameters read by hand, so that a malformed one is a 400 naming it (not JAX-RS's 404). */
final class Params {

    private Params() {
    }

    static Integer integer(String name, String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.validation(name, "must be an integer");
        }
    }

    /** {@code true} or {@code false} (any case), or the fallback when absent; 400 naming the parameter otherwise. */
    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.validation(name, "must be true or false");
        };
    }

    /** Whether the {@code x-visibility} header asks for the public view; 400 for anything but {@code public}. */
    static boolean publicOnly(String visibility) {
        if (visibility == null || visibility.isBlank()) {
            return false;
        }
        if (visibility.trim().equalsIgnoreCase("public")) {
            return true;
        }
        throw ProblemException.validation("x-visibility", "must be public, or absent for the latest versions");
    }

    /** Writes see no public view: refuses {@code x-visibility: public} on them. */
    static void writable(String visibility) {
        if (publicOnly(visibility)) {
            throw ProblemException.badRequest(
                    "x-visibility: public is a read-only view of public versions; " + "send changes without it");
        }
    }
}
