package dev.orchestrion.runner.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;

/**
 * Converts between the JSON-shaped Java values of a run (maps, lists, strings, booleans, numbers, null) and the
 * values CEL works with: integral numbers as {@code long}, others as {@code double}, null as {@link NullValue}.
 */
public final class CelValues {

    private CelValues() {
    }

    /** A JSON-shaped value as CEL expects it. */
    public static Object toCel(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> out.put(String.valueOf(k), toCel(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(toCel(element));
            }
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0
                    && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                            ? (Object) decimal.longValue()
                            : (Object) decimal.doubleValue();
        }
        if (value instanceof BigInteger integer) {
            return integer.longValue();
        }
        return value;
    }

    /** A value CEL produced, as a JSON-shaped Java value. */
    public static Object fromCel(Object value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromCel(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(fromCel(element));
            }
            return out;
        }
        if (value instanceof Timestamp timestamp) {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
        }
        if (value instanceof Duration duration) {
            return java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos()).toString();
        }
        if (value instanceof UnsignedLong unsigned) {
            return unsigned.longValue();
        }
        if (value instanceof ByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
        return value;
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
