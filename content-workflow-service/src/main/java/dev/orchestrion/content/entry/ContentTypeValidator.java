package dev.orchestrion.content.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.FieldValidations;
import dev.orchestrion.support.domain.FieldViolation;

/** Finds every problem of a content type's field list at once. */
public final class ContentTypeValidator {

    public static final Pattern TYPE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,99}");
    public static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    public static final Set<String> FIELD_TYPES = Set.of("text", "richtext", "email", "number", "integer", "boolean",
            "datetime", "select", "object", "array");

    private ContentTypeValidator() {
    }

    public static List<FieldViolation> problems(List<ContentField> fields) {
        List<FieldViolation> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            ContentField field = fields.get(i);
            String path = "fields[" + i + "]";
            if (field == null) {
                problems.add(new FieldViolation(path, "must be a field"));
                continue;
            }
            if (field.name() == null || field.name().isBlank()) {
                problems.add(new FieldViolation(path + ".name", "is required"));
            } else if (!FIELD_NAME.matcher(field.name()).matches()) {
                problems.add(new FieldViolation(path + ".name",
                        "must start with a letter and hold only letters, digits and _ (at most 64)"));
            } else if (EntryValidator.RESERVED.contains(field.name())) {
                problems.add(new FieldViolation(path + ".name", field.name() + " is reserved"));
            } else if (!names.add(field.name())) {
                problems.add(new FieldViolation(path + ".name", "duplicates field " + field.name()));
            }
            if (field.type() == null || !FIELD_TYPES.contains(field.type())) {
                problems.add(
                        new FieldViolation(path + ".type", "must be one of " + FIELD_TYPES.stream().sorted().toList()));
            }
            FieldValidations v = field.validations();
            if ("select".equals(field.type()) && (v == null || v.options() == null || v.options().isEmpty())) {
                problems.add(new FieldViolation(path + ".validations.options", "a select field needs options"));
            }
            if (v == null) {
                continue;
            }
            if (v.minLength() != null && v.minLength() < 0) {
                problems.add(new FieldViolation(path + ".validations.minLength", "must be 0 or more"));
            }
            if (v.maxLength() != null && v.maxLength() < 0) {
                problems.add(new FieldViolation(path + ".validations.maxLength", "must be 0 or more"));
            }
            if (v.minLength() != null && v.maxLength() != null && v.minLength() > v.maxLength()) {
                problems.add(new FieldViolation(path + ".validations", "minLength must not exceed maxLength"));
            }
            if (v.minimum() != null && v.maximum() != null && v.minimum().compareTo(v.maximum()) > 0) {
                problems.add(new FieldViolation(path + ".validations", "minimum must not exceed maximum"));
            }
            if (v.pattern() != null) {
                try {
                    Pattern.compile(v.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new FieldViolation(path + ".validations.pattern", "must be a regular expression"));
                }
            }
        }
        return problems;
    }
}
