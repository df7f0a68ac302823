package dev.orchestrion.definition.rest;

import dev.orchestrion.support.problem.ProblemException;

/** ETags carry a document's revision: {@code "7"}. */
final class Revisions {

    private Revisions() {
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an {@code If-Match} header asks for, else the body's revision field, else null (any). */
    static Long expected(String ifMatch, Long bodyRevision) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return bodyRevision;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long revision = Long.parseLong(value);
            if (bodyRevision != null && bodyRevision != revision) {
                throw ProblemException.validation("revision", "differs from the If-Match header");
            }
            return revision;
        } catch (NumberFormatException e) {
            throw ProblemException.validation("If-Match", "must be an ETag of this API, e.g. \"3\"");
        }
    }
}
