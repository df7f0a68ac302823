package dev.orchestrion.runner.engine.state;

import java.util.List;
import java.util.Map;

/**
 * Estimates how long a JSON-shaped value (maps, lists, strings, numbers, booleans, null) is as compact JSON text,
 * without writing it: a walk over its structure that costs one step per element, not per character, and stops as
 * soon as the estimate passes a cap. Escapes are not counted, so text that needs many escapes is underestimated.
 */
public final class JsonSize {

    private JsonSize() {
    }

    /**
     * The estimated length of {@code value} as JSON, or some number above {@code cap} once it is certain to be larger
     * (the walk stops there, so a value shared many times over cannot make it expensive).
     */
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
                total += text.length() + 2;
            } else if (value instanceof Map<?, ?> map) {
                total += map.isEmpty() ? 2 : 1 + map.size();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    total += String.valueOf(entry.getKey()).length() + 3;
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
            } else if (value instanceof Number) {
                total += 12; // a double's shortest text is usually about this long; exactness does not matter here
            } else {
                total += String.valueOf(value).length() + 2;
            }
            return this;
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
