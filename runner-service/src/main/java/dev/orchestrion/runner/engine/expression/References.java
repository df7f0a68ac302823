package dev.orchestrion.runner.engine.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;

/**
 * What an expression or a template reads from the run's context, found in its syntax without evaluating it: each
 * read as a path from a context variable, e.g. {@code params.apiKey} as {@code [params, apiKey]}, {@code vars} read
 * whole as {@code [vars]}. A path stops where a dynamic index begins ({@code params[name]} reads {@code [params]}).
 * Reads are {@code plain} when the expression (or the template's placeholder) is nothing but that path, so its value
 * is the value read, unchanged; all others are {@code computed}.
 */
public final class References {

    private static final Set<String> ROOTS = Set.of("params", "case", "trigger", "vars", "nodes", "run", "item");
    private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();

    /** The paths a text reads, as they are (plain) or to compute something else from them (computed). */
    public record Reads(Set<List<String>> plain, Set<List<String>> computed) {

        public Set<List<String>> all() {
            Set<List<String>> all = new LinkedHashSet<>(plain);
            all.addAll(computed);
            return all;
        }

        public Reads with(Reads other) {
            Set<List<String>> plainReads = new LinkedHashSet<>(plain);
            plainReads.addAll(other.plain);
            Set<List<String>> computedReads = new LinkedHashSet<>(computed);
            computedReads.addAll(other.computed);
            return new Reads(plainReads, computedReads);
        }
    }

    public static final Reads NOTHING = new Reads(Set.of(), Set.of());

    private References() {
    }

    /**
     * What {@code text} reads: its {@code {{ }}} placeholders if it is a template, else the text as one expression.
     * Text that is neither (a plain word, a URL) reads nothing.
     */
    public static Reads of(String text) {
        Set<List<String>> plain = new LinkedHashSet<>();
        Set<List<String>> computed = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return NOTHING;
        }
        if (text.contains("{{")) {
            Matcher matcher = Expressions.PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                add(parse(matcher.group(1).trim()), plain, computed);
            }
        } else {
            add(parse(text), plain, computed);
        }
        return new Reads(plain, computed);
    }

    private static void add(CelExpr expr, Set<List<String>> plain, Set<List<String>> computed) {
        List<String> whole = expr == null ? null : path(expr);
        if (whole != null) {
            if (ROOTS.contains(whole.get(0))) {
                plain.add(List.copyOf(whole));
            }
            return;
        }
        collect(expr, computed);
    }

    private static CelExpr parse(String expression) {
        try {
            return PARSER.parse(expression).getAst().getExpr();
        } catch (CelValidationException | RuntimeException e) {
            return null; // not an expression: it reads nothing
        }
    }

    private static void collect(CelExpr expr, Set<List<String>> paths) {
        if (expr == null) {
            return;
        }
        List<String> path = path(expr);
        if (path != null) {
            if (ROOTS.contains(path.get(0))) {
                paths.add(List.copyOf(path));
            }
            return;
        }
        switch (expr.getKind()) {
            case SELECT -> collect(expr.select().operand(), paths);
            case CALL -> {
                expr.call().target().ifPresent(target -> collect(target, paths));
                expr.call().args().forEach(arg -> collect(arg, paths));
            }
            case LIST -> expr.list().elements().forEach(element -> collect(element, paths));
            case MAP -> expr.map().entries().forEach(entry -> {
                collect(entry.key(), paths);
                collect(entry.value(), paths);
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> collect(entry.value(), paths));
            case COMPREHENSION -> {
                collect(expr.comprehension().iterRange(), paths);
                collect(expr.comprehension().accuInit(), paths);
                collect(expr.comprehension().loopCondition(), paths);
                collect(expr.comprehension().loopStep(), paths);
                collect(expr.comprehension().result(), paths);
            }
            default -> {
                // constants and the like read nothing
            }
        }
    }

    /** The path of a chain of field selections and constant indexes on an identifier, or null for anything else. */
    private static List<String> path(CelExpr expr) {
        switch (expr.getKind()) {
            case IDENT -> {
                List<String> path = new ArrayList<>();
                path.add(expr.ident().name());
                return path;
            }
            case SELECT -> {
                List<String> operand = path(expr.select().operand());
                if (operand != null) {
                    operand.add(expr.select().field());
                }
                return operand;
            }
            case CALL -> {
                if (expr.call().function().equals("_[_]") && expr.call().args().size() == 2) {
                    CelExpr key = expr.call().args().get(1);
                    List<String> operand = path(expr.call().args().get(0));
                    if (operand != null && key.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
                        operand.add(constantText(key.constant()));
                        return operand;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String constantText(CelConstant constant) {
        return switch (constant.getKind()) {
            case STRING_VALUE -> constant.stringValue();
            case INT64_VALUE -> String.valueOf(constant.int64Value());
            case UINT64_VALUE -> String.valueOf(constant.uint64Value());
            default -> String.valueOf(constant);
        };
    }
}
