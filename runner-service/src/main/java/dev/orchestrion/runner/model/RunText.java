package dev.orchestrion.runner.model;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a user typed into the runs search ({@code q}), as the store can look it up by index: an id prefix (8 to 32 hex
 * digits, dashes anywhere) becomes a range of ids, matched against the run's, its case's and its definition's id; any
 * text of three or more characters is matched, ignoring case, inside the error of a failed run (its message, code
 * and the id of the node that failed).
 *
 * @param idLow the smallest id the prefix covers, or null when the text is not an id prefix
 * @param idHigh the largest id the prefix covers, or null
 * @param contains the text to find inside errors, or null when it is too short to search for
 */
public record RunText(UUID idLow, UUID idHigh, String contains) {

    /** The shortest text matched inside errors: a trigram index cannot narrow shorter ones. */
    public static final int MIN_TEXT = 3;
    /** The longest search text. */
    public static final int MAX_TEXT = 200;
    /** The shortest id prefix: the first group of a UUID, as logs and short ids show it. */
    public static final int MIN_ID_PREFIX = 8;

    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-fA-F-]+");

    /**
     * Reads a search text; null or blank means no search.
     *
     * @throws IllegalArgumentException with a message for the user when the text is shorter than {@value #MIN_TEXT}
     *         or longer than {@value #MAX_TEXT} characters
     */
    public static RunText parse(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "must be " + MIN_TEXT + " to " + MAX_TEXT + " characters (an id, an id prefix or error text)");
        }
        UUID low = null;
        UUID high = null;
        if (ID_PREFIX.matcher(text).matches()) {
            String hex = text.replace("-", "").toLowerCase(Locale.ROOT);
            if (hex.length() >= MIN_ID_PREFIX && hex.length() <= 32) {
                low = uuid(hex + "0".repeat(32 - hex.length()));
                high = uuid(hex + "f".repeat(32 - hex.length()));
            }
        }
        return new RunText(low, high, text);
    }

    /** Whether the text names an id or the start of one. */
    public boolean isIdPrefix() {
        return idLow != null;
    }

    /** The text as a case-insensitive LIKE pattern that finds it anywhere ({@code %}, {@code _} and {@code \} escaped). */
    public String containsPattern() {
        return "%" + contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static UUID uuid(String hex32) {
        return UUID.fromString(hex32.substring(0, 8) + "-" + hex32.substring(8, 12) + "-" + hex32.substring(12, 16)
                + "-" + hex32.substring(16, 20) + "-" + hex32.substring(20));
    }
}
