package dev.orchestrion.runner.engine.expression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * Evaluates the CEL expressions and {@code {{ }}} templates of workflow definitions. CEL is sandboxed and
 * non-Turing-complete; comprehensions are bounded. Compiled programs are cached by their source, so each distinct
 * expression is compiled once per process.
 */
public final class Expressions {

    /** The variables an expression sees (docs/node-types.md, "Expression context"). */
    public static final String[] MAP_VARIABLES = {"params", "case", "trigger", "vars", "nodes", "run"};

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);
    private static final int MAX_CACHED = 10_000;

    private final Cel cel;
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    public Expressions() {
        var builder = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setOptions(CelOptions.current().comprehensionMaxIterations(10_000).maxExpressionCodePointSize(10_000)
                        .enableHeterogeneousNumericComparisons(true).build());
        for (String variable : MAP_VARIABLES) {
            builder.addVar(variable, MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        this.cel = builder.addVar("item", SimpleType.DYN).addVar("index", SimpleType.INT)
                .addVar("now", SimpleType.TIMESTAMP).build();
    }

    /** Evaluates an expression; the result is a JSON-shaped Java value. */
    public Object evaluate(String expression, Map<String, Object> activation) {
        try {
            return CelValues.fromCel(program(expression).eval(activation));
        } catch (CelEvaluationException e) {
            throw new ExpressionException("Expression '" + expression + "' failed: " + e.getMessage(), e);
        }
    }

    /** Evaluates a condition, which must yield a boolean. */
    public boolean condition(String expression, Map<String, Object> activation) {
        Object result = evaluate(expression, activation);
        if (result instanceof Boolean bool) {
            return bool;
        }
        throw new ExpressionException("Condition '" + expression + "' must be true or false, was " + result);
    }

    /** Renders a template: each {@code {{ expression }}} replaced by its value as text (null as empty). */
    public String render(String template, Map<String, Object> activation) {
        if (template == null || !template.contains("{{")) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = evaluate(matcher.group(1).trim(), activation);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Compiles (or finds compiled) an expression, failing with the compiler's message. */
    public CelRuntime.Program program(String expression) {
        CelRuntime.Program program = programs.get(expression);
        if (program != null) {
            return program;
        }
        try {
            program = cel.createProgram(cel.compile(expression).getAst());
        } catch (CelValidationException e) {
            throw new ExpressionException("Expression '" + expression + "' does not compile: " + e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new ExpressionException("Expression '" + expression + "' cannot be evaluated: " + e.getMessage(), e);
        }
        if (programs.size() < MAX_CACHED) {
            programs.put(expression, program);
        }
        return program;
    }
}
