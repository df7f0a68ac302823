package dev.orchestrion.cases.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orchestrion.support.problem.ProblemException;

/** Reads the {@code If-Match} header of a case request: the ETag of the version the client read. */
final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private IfMatch() {
    }

    /** The version the client expects, or null when it sent no precondition (or {@code *}). */
    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(header);
        if (!matcher.matches()) {
            throw ProblemException.validation("If-Match",
                    "must be the ETag of the case as GET returned it, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
