package dev.orchestrion.support.domain;

import java.util.List;

/** Nothing of this kind has this id (for the caller: another tenant's is as absent as a missing one). */
public class NotFound extends DomainException {

    private final String what;
    private final transient Object id;

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist", List.of());
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }
}
