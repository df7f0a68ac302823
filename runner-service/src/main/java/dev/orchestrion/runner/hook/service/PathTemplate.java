package dev.orchestrion.runner.hook.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP binding's path template such as {@code orders/{orderId}/items/{item}}: a variable matches one non-empty
 * path segment (or the part of one it stands in). Pure.
 */
public final class PathTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;
    private final int literalLength;

    private PathTemplate(String template, Pattern pattern, List<String> variables, int literalLength) {
        this.template = template;
        this.pattern = pattern;
        this.variables = variables;
        this.literalLength = literalLength;
    }

    public static PathTemplate of(String template) {
        String trimmed = strip(template);
        Matcher matcher = VARIABLE.matcher(trimmed);
        StringBuilder regex = new StringBuilder();
        List<String> variables = new ArrayList<>();
        int last = 0;
        int literal = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, matcher.start())));
            literal += matcher.start() - last;
            regex.append("([^/]+)");
            variables.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(trimmed.substring(last)));
        literal += trimmed.length() - last;
        return new PathTemplate(trimmed, Pattern.compile(regex.toString()), List.copyOf(variables), literal);
    }

    /** The variables' values if the path matches (percent-decoded), or null. */
    public Map<String, String> match(String path) {
        Matcher matcher = pattern.matcher(strip(path));
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** How specific the template is: more literal text wins over variables when two templates match. */
    public int specificity() {
        return literalLength;
    }

    public String template() {
        return template;
    }

    private static String strip(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
