package dev.orchestrion.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/**
 * HTTP/1.1 requests written byte for byte to a service on the loopback interface, for what ordinary clients refuse
 * or fix on their own: a body without Content-Type, a NUL in a header, a request line far past any limit, a body
 * sent in chunks. The answer is read whole (the service closes, or says how long it is).
 */
public final class RawHttp {

    /** An answer: status code, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body read as JSON, for problem+json answers. */
        public JsonPath json() {
            return new JsonPath(body);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target}, the given header lines (each "Name: value", without line ends) and the body as
     * it is, then reads the answer. Content-Length is added for a non-null body unless a header line sets framing.
     */
    public static Answer send(int port, String method, String target, byte[] body, String... headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        boolean framed = false;
        for (String line : headerLines) {
            String lower = line.toLowerCase(Locale.ROOT);
            framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
            write(request, line + "\r\n");
        }
        if (body != null && !framed) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // a service may answer and close before it has read everything (413); the answer is still there
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body of {@code size} bytes of {@code fill}, in chunks of 64 KiB, with its terminating chunk. */
    public static byte[] chunked(int size, byte fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int left = size;
        while (left > 0) {
            int chunk = Math.min(left, 64 * 1024);
            write(out, Integer.toHexString(chunk) + "\r\n");
            byte[] data = new byte[chunk];
            java.util.Arrays.fill(data, fill);
            out.writeBytes(data);
            write(out, "\r\n");
            left -= chunk;
        }
        write(out, "0\r\n\r\n");
        return out.toByteArray();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                raw.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer was written: keep what arrived
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("No complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        String length = headers.get("content-length");
        if (length != null && body.length() > Integer.parseInt(length)) {
            body = body.substring(0, Integer.parseInt(length));
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(lineEnd + 2 + size, chunked.length()));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
