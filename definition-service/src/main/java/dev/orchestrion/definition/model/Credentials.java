package dev.orchestrion.definition.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The secret values of one environment of a connection; which apply depends on the auth kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Credentials(String username, String password, String token, String apiKey, String clientId,
        String clientSecret) {

    public List<String> setFields() {
        List<String> fields = new ArrayList<>();
        add(fields, "username", username);
        add(fields, "password", password);
        add(fields, "token", token);
        add(fields, "apiKey", apiKey);
        add(fields, "clientId", clientId);
        add(fields, "clientSecret", clientSecret);
        return fields;
    }

    private static void add(List<String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.add(name);
        }
    }
}
