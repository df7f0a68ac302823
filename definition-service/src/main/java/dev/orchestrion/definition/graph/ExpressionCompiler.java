package dev.orchestrion.definition.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;

/**
 * Compiles CEL expressions and {@code {{ }}} templates against the expression context of docs/node-types.md, so that
 * a definition that would fail at run time for a syntax or type error is caught when it is validated.
 */
public final class ExpressionCompiler {

    private static final MapType MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final Cel CEL = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("params", MAP).addVar("case", MAP).addVar("trigger", MAP).addVar("vars", MAP).addVar("nodes", MAP)
            .addVar("item", SimpleType.DYN).addVar("index", SimpleType.INT).addVar("run", MAP)
            .addVar("now", SimpleType.TIMESTAMP).build();
    private static final int MAX_LENGTH = 10_000;

    /** Why the expression does not compile, or empty when it does. */
    public Optional<String> checkExpression(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("the expression is empty");
        }
        if (expression.length() > MAX_LENGTH) {
            return Optional.of("the expression is longer than " + MAX_LENGTH + " characters");
        }
        try {
            CEL.compile(expression).getAst();
            return Optional.empty();
        } catch (CelValidationException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("the expression cannot be compiled: " + e.getMessage());
        }
    }

    /** Why the template (text with {@code {{ expression }}} placeholders) does not compile, or empty. */
    public Optional<String> checkTemplate(String template) {
        if (template == null) {
            return Optional.of("the template is missing");
        }
        List<String> placeholders = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            int close = template.indexOf("}}", at);
            if (open < 0) {
                if (close >= 0) {
                    return Optional.of("'}}' without a matching '{{' at position " + close);
                }
                break;
            }
            if (close >= 0 && close < open) {
                return Optional.of("'}}' without a matching '{{' at position " + close);
            }
            int end = template.indexOf("}}", open + 2);
            if (end < 0) {
                return Optional.of("'{{' at position " + open + " is never closed");
            }
            placeholders.add(template.substring(open + 2, end));
            at = end + 2;
        }
        for (String placeholder : placeholders) {
            Optional<String> problem = checkExpression(placeholder.trim());
            if (problem.isPresent()) {
                return Optional.of("placeholder {{" + placeholder + "}}: " + problem.get());
            }
        }
        return Optional.empty();
    }
}
