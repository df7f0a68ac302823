package dev.orchestrion.support.domain;

import java.util.List;

/** The caller is known, but a rule of the domain does not let its roles do this. */
public class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(detail, List.of());
    }
}
