package dev.orchestrion.runner.engine.state;

import java.util.List;
import java.util.Map;

/**
 * How many bytes a JSON-shaped value (maps, lists, strings, numbers, booleans, null) takes as compact UTF-8 JSON,
 * without writing it out, for checking it against a cap. A first walk over the structure bounds it from both sides
 * without reading any text (a character takes 1 to 6 bytes: plain ASCII, or an escape); only when the cap lies
 * between the bounds is the value walked again counting each text's bytes exactly. Both walks stop as soon as the
 * value is certain to be over the cap, so a value that shares one large part many times over costs no more than the
 * cap.
 */
public final class JsonSize {

    /** The most bytes one character can take in JSON (an escape such as {@code \u0001}). */
    private static final int MAX_BYTES_PER_CHAR = 6;
    /** The longest a double is as JSON text ({@code -1.2345678901234567E-308}). */
    private static final int MAX_DOUBLE_LENGTH = 24;

    private JsonSize() {
    }

    /**
     * The size of {@code value} as JSON, as far as comparing it with {@code cap} needs: a number above {@code cap}
     * when it is larger; otherwise a number no larger than its size, which is exact when the size is near the cap
     * (and otherwise counts texts as one byte a character).
     */
    public static long of(Object value, long cap) {
        Walk bounds = new Walk(cap, false).add(value);
        if (bounds.low > cap || bounds.high <= cap) {
            return bounds.low;
        }
        return new Walk(cap, true).add(value).low;
    }

    /** One measurement: running lower and upper bounds, which stop growing once the lower one is past the cap. */
    private static final class Walk {

        private final long cap;
        private final boolean exactTexts;
        private long low;
        private long high;

        Walk(long cap, boolean exactTexts) {
            this.cap = cap;
            this.exactTexts = exactTexts;
        }

        Walk add(Object value) {
            if (low > cap) {
                return this;
            }
            if (value == null) {
                count(4);
            } else if (value instanceof String text) {
                text(text);
            } else if (value instanceof Map<?, ?> map) {
                count(map.isEmpty() ? 2 : 1 + map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    text(String.valueOf(entry.getKey()));
                    count(1);
                    add(entry.getValue());
                    if (low > cap) {
                        return this;
                    }
                }
            } else if (value instanceof List<?> list) {
                count(list.isEmpty() ? 2 : 1 + list.size());
                for (Object element : list) {
                    add(element);
                    if (low > cap) {
                        return this;
                    }
                }
            } else if (value instanceof Boolean bool) {
                count(bool ? 4 : 5);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                count(digits(((Number) value).longValue()));
            } else if (value instanceof Number number) {
                if (exactTexts) {
                    count(String.valueOf(number).length());
                } else {
                    low += 3;
                    high += MAX_DOUBLE_LENGTH;
                }
            } else {
                text(String.valueOf(value));
            }
            return this;
        }

        private void count(long bytes) {
            low += bytes;
            high += bytes;
        }

        /** A text as a JSON string: its quotes, and each character as 1 to 6 bytes (or exactly, on the second walk). */
        private void text(String text) {
            if (!exactTexts) {
                low += text.length() + 2;
                high += (long) text.length() * MAX_BYTES_PER_CHAR + 2;
                return;
            }
            long bytes = 2;
            for (int i = 0; i < text.length() && low + bytes <= cap; i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                    bytes += 2;
                } else if (c < 0x20) {
                    bytes += 6;
                } else if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isSurrogate(c)) {
                    bytes += 6; // Jackson's byte output escapes each half (4 bytes as raw UTF-8: this is the upper bound)
                } else {
                    bytes += 3;
                }
            }
            count(bytes);
        }

        private static int digits(long number) {
            if (number == Long.MIN_VALUE) {
                return 20;
            }
            int length = number < 0 ? 2 : 1;
            long rest = Math.abs(number);
            while (rest >= 10) {
                rest /= 10;
                length++;
            }
            return length;
        }
    }
}
