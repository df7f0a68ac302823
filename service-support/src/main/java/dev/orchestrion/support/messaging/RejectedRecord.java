package dev.orchestrion.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record that failed for its own reason: which consumer gave up on it, the record as consumed, why, and
 * its tenant when the record names a readable one (null otherwise: only a deployment-level role may see it).
 */
public record RejectedRecord(String consumer, ConsumerRecord<String, String> record, Throwable cause) {

    private static final int MAX_REASON = 2000;
    private static final int MAX_TENANT = 64;

    /** The tenant from the record's {@code ce_tenant} header, or null when it has none a store could keep. */
    public String tenant() {
        String tenant = CloudEventHeaders.tenant(record);
        if (tenant == null || tenant.isBlank() || tenant.length() > MAX_TENANT || !printable(tenant).equals(tenant)) {
            return null;
        }
        return tenant;
    }

    /** The failure as one line of text any store and log can hold. */
    public String reason() {
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String reason = printable(cause.getClass().getName() + message);
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    /** Replaces control characters and unpaired surrogates, which some stores refuse, with U+FFFD. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\t');
            }
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
