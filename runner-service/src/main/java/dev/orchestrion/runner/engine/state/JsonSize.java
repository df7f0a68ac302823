package dev.orchestrion.runner.engine.state;

import java.util.List;
import java.util.Map;

/**
 * How many bytes a JSON-shaped value (maps, lists, strings, numbers, booleans, null) takes as compact UTF-8 JSON,
 * without writing it: a walk over its structure that stops as soon as the total passes a cap, so a value that shares
 * one large part many times over costs no more than the cap. Texts are counted exactly (UTF-8 and escapes), doubles
 * by their shortest text.
 */
public final class JsonSize {

    private JsonSize() {
    }

    /** The size of {@code value} as JSON, or some number above {@code cap} once it is certain to be larger. */
    public static long of(Object value, long cap) {
        return new Walk(cap).add(value).total;
    }

    /** One measurement: a running total that stops growing once past the cap. */
    private static final class Walk {

        private final long cap;
        private long total;

        Walk(long cap) {
            this.cap = cap;
        }

        Walk add(Object value) {
            if (total > cap) {
                return this;
            }
            if (value == null) {
                total += 4;
            } else if (value instanceof String text) {
                total += text(text, cap - total);
            } else if (value instanceof Map<?, ?> map) {
                total += map.isEmpty() ? 2 : 1 + map.size();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    total += text(String.valueOf(entry.getKey()), cap - total) + 1;
                    add(entry.getValue());
                    if (total > cap) {
                        return this;
                    }
                }
            } else if (value instanceof List<?> list) {
                total += list.isEmpty() ? 2 : 1 + list.size();
                for (Object element : list) {
                    add(element);
                    if (total > cap) {
                        return this;
                    }
                }
            } else if (value instanceof Boolean bool) {
                total += bool ? 4 : 5;
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                total += digits(((Number) value).longValue());
            } else if (value instanceof Number number) {
                total += String.valueOf(number).length();
            } else {
                total += text(String.valueOf(value), cap - total);
            }
            return this;
        }

        /** A text's bytes as a JSON string in UTF-8 (quotes, escapes, multi-byte characters), up to past {@code limit}. */
        private static long text(String text, long limit) {
            long bytes = 2;
            for (int i = 0; i < text.length() && bytes <= limit; i++) {
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
            return bytes;
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
