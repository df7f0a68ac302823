package dev.orchestrion.cases.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a name typed into a case search is matched: ignoring case, as the start of the first name, the last name or
 * the company name; a name of several words also as the start of a first name and the start of a last name, in
 * either order ("Gra Hop" and "Hopper G" find Grace Hopper). Each alternative is prefixes of stored fields, which an
 * index answers.
 *
 * @param alternatives any of these matches; each is a LIKE pattern (matched ignoring case) per field it constrains
 */
public record NameSearch(List<Alternative> alternatives) {

    /** The longest name searched for. */
    public static final int MAX_LENGTH = 200;
    /** Names of more words are matched only as a whole (as one first, last or company name). */
    public static final int MAX_WORDS_SPLIT = 5;

    /**
     * One way the name matches: each non-null pattern must match its field (LIKE, ignoring case, {@code \} escapes).
     */
    public record Alternative(String firstName, String lastName, String companyName) {
    }

    /**
     * The alternatives for a name as typed; null for none (null or blank).
     *
     * @throws IllegalArgumentException when it is longer than {@value #MAX_LENGTH} characters
     */
    public static NameSearch of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String[] words = name.strip().split("\\s+");
        String whole = String.join(" ", words);
        if (whole.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        List<Alternative> alternatives = new ArrayList<>();
        alternatives.add(new Alternative(prefix(whole), null, null));
        alternatives.add(new Alternative(null, prefix(whole), null));
        alternatives.add(new Alternative(null, null, prefix(whole)));
        if (words.length <= MAX_WORDS_SPLIT) {
            for (int split = 1; split < words.length; split++) {
                String before = String.join(" ", Arrays.copyOfRange(words, 0, split));
                String after = String.join(" ", Arrays.copyOfRange(words, split, words.length));
                alternatives.add(new Alternative(prefix(before), prefix(after), null));
                alternatives.add(new Alternative(prefix(after), prefix(before), null));
            }
        }
        return new NameSearch(List.copyOf(alternatives));
    }

    /** The words as the start of a field. */
    private static String prefix(String words) {
        return escape(words) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
