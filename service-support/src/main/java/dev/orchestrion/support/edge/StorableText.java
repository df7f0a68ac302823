package dev.orchestrion.support.edge;

/**
 * The one rule for text the platform accepts: no NUL (U+0000) and no unpaired UTF-16 surrogate. PostgreSQL cannot
 * store either (text refuses NUL, jsonb both), MongoDB refuses NUL in keys and silently rewrites lone surrogates, so
 * text that breaks the rule is refused where it enters, the same way on every service.
 */
public final class StorableText {

    /** What a client is told about a value that breaks the rule. */
    public static final String MESSAGE = "must not contain NUL or unpaired surrogate characters";

    /** What a client is told about a JSON field name (an object key) that breaks the rule. */
    public static final String NAME_MESSAGE = "field names must not contain NUL or unpaired surrogate characters";

    private StorableText() {
    }

    /** Whether every store of the platform can hold this text (null holds nothing, so it can). */
    public static boolean isStorable(CharSequence text) {
        return text == null || firstForbidden(text) < 0;
    }

    /** The index of the first character no store can hold, or -1. */
    public static int firstForbidden(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Like {@link #firstForbidden(CharSequence)} over a slice of a buffer, without copying it. */
    public static int firstForbidden(char[] buffer, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = buffer[i];
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return i - offset;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < end && Character.isLowSurrogate(buffer[i + 1])) {
                    i++;
                } else {
                    return i - offset;
                }
            }
        }
        return -1;
    }

    /**
     * The text with every character no store can hold written as a {@code \}{@code uXXXX} escape: safe to echo in an
     * error (a JSON writer cannot write a lone surrogate).
     */
    public static String escaped(CharSequence text) {
        if (text == null || firstForbidden(text) < 0) {
            return text == null ? null : text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 12);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
