package dev.orchestrion.runner.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.orchestrion.runner.WebhookReceiver;

/** A receiver's side of Standard Webhooks, written from the specification (not from the runner's code). */
public final class Signatures {

    private Signatures() {
    }

    /** Whether one of the request's signatures is the HMAC-SHA256 of {@code id.timestamp.body} with the secret. */
    public static boolean verifies(WebhookReceiver.Received request, String secret) {
        return signatures(request).contains(expected(request, secret));
    }

    public static List<String> signatures(WebhookReceiver.Received request) {
        return Arrays.asList(request.header("webhook-signature").split(" "));
    }

    static String expected(WebhookReceiver.Received request, String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                    + request.body();
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
