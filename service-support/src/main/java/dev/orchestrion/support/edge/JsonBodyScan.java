package dev.orchestrion.support.edge;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Reads a JSON request body token by token, before anything binds it, and refuses what the platform must not take
 * in: text no store can hold ({@link StorableText}) in any string or field name at any depth, content after the
 * document ({@code {"a":1} x}, {@code {}{}}), and malformed JSON. Everything refused is a 400 problem; a violation
 * names the field by its path ({@code attributes.note}, {@code nodes[1].name}), {@code body} for a bare string.
 */
public final class JsonBodyScan {

    /** How many failing fields one answer lists at most. */
    static final int MAX_ERRORS = 10;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** What the scan saw of a body that passed: nothing at all, or the document {@code null}. */
    public record Outcome(boolean empty, boolean nullDocument) {

        static final Outcome EMPTY = new Outcome(true, false);
        static final Outcome NULL = new Outcome(false, true);
        static final Outcome VALUE = new Outcome(false, false);

        /** No body, or one that says nothing: either way there is no object to bind. */
        public boolean absent() {
            return empty || nullDocument;
        }
    }

    private JsonBodyScan() {
    }

    public static Outcome scan(byte[] body) {
        if (isBlank(body)) {
            return Outcome.EMPTY;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            return scan(parser);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public static Outcome scan(String body) {
        if (body == null || body.isBlank()) {
            return Outcome.EMPTY;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            return scan(parser);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Outcome scan(JsonParser parser) throws IOException {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonToken token = parser.nextToken();
        boolean nullDocument = token == JsonToken.VALUE_NULL;
        int depth = 0;
        while (token != null) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    if (StorableText.firstForbidden(parser.currentName()) >= 0) {
                        add(errors,
                                new Problem.FieldError(path(parser.getParsingContext()), StorableText.NAME_MESSAGE));
                    }
                }
                case VALUE_STRING -> {
                    if (StorableText.firstForbidden(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextLength()) >= 0) {
                        add(errors, new Problem.FieldError(path(parser.getParsingContext()), StorableText.MESSAGE));
                    }
                }
                default -> {
                }
            }
            if (depth == 0) {
                break;
            }
            token = parser.nextToken();
        }
        requireNothingAfter(parser);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw ProblemException.validation(detail, errors);
        }
        return nullDocument ? Outcome.NULL : Outcome.VALUE;
    }

    private static void requireNothingAfter(JsonParser parser) {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw ProblemException
                    .badRequest("The request body has content after the JSON document; send one document");
        }
    }

    private static void add(List<Problem.FieldError> errors, Problem.FieldError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }

    /** The dotted path of the value or field name the parser is at, with any forbidden character escaped. */
    static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                out.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(StorableText.escaped(c.getCurrentName()));
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static ProblemException unreadable(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return ProblemException.badRequest("The request body is not valid JSON: " + message);
    }

    private static boolean isBlank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
