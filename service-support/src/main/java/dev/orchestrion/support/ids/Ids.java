package dev.orchestrion.support.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The one rule for the ids a client names: a platform id is a UUID in its canonical form (36 characters, hex digits
 * and dashes); a name-like id (a content type, an entry, a content workflow) is 1 to 128 letters, digits, '_' or '-',
 * starting with a letter or digit. Anything else (a lone surrogate, a NUL, {@code ../}, a non-canonical UUID such as
 * {@code 1-1-1-1-1}) is refused before it reaches a store or another service.
 */
public final class Ids {

    private static final Pattern UUID_FORM = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAME_FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    public static final String UUID_MESSAGE = "must be a UUID";
    public static final String NAME_MESSAGE = "must be 1 to 128 letters, digits, _ or -, starting with a letter or digit";

    private Ids() {
    }

    /** Whether {@code value} is a UUID in canonical form. */
    public static boolean isUuid(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    /** Whether {@code value} is a name-like id. */
    public static boolean isName(String value) {
        return value != null && NAME_FORM.matcher(value).matches();
    }

    /** Whether {@code value} has the form of an id of this kind. */
    public static boolean matches(ResourceId.Kind kind, String value) {
        return kind == ResourceId.Kind.UUID ? isUuid(value) : isName(value);
    }

    /** What a malformed id of this kind is told. */
    public static String message(ResourceId.Kind kind) {
        return kind == ResourceId.Kind.UUID ? UUID_MESSAGE : NAME_MESSAGE;
    }

    /**
     * An optional UUID from a query parameter or body field: null when absent or blank, a 400 naming {@code field}
     * when malformed.
     */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!isUuid(trimmed)) {
            throw Invalid.field(field, UUID_MESSAGE);
        }
        return UUID.fromString(trimmed);
    }

    /** A required id of a body field or query parameter, as given; a 400 naming {@code field} when malformed. */
    public static String require(String field, ResourceId.Kind kind, String value) {
        if (!matches(kind, value)) {
            throw Invalid.field(field, value == null ? "is required" : message(kind));
        }
        return value;
    }

    /** Ids listed in a body field or repeated query parameter: a 400 naming each malformed one ({@code field[i]}). */
    public static void requireAll(String field, ResourceId.Kind kind, List<String> values) {
        if (values == null) {
            return;
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!matches(kind, values.get(i))) {
                errors.add(new FieldViolation(field + "[" + i + "]",
                        values.get(i) == null ? "must not be null" : message(kind)));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(field + ": " + errors.size() + " malformed id(s)", errors);
        }
    }

    /** The 404 a malformed id in a path gets: nothing can have that id. The value is not echoed. */
    public static ProblemException notFound(String parameter) {
        return new ProblemException(404, "not-found", "Not found",
                "Nothing has this " + parameter + ": it is not a well-formed id", List.of());
    }
}
