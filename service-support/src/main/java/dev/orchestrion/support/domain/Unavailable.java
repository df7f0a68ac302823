package dev.orchestrion.support.domain;

import java.util.List;

/** Something this service depends on is down or overloaded: the same request may succeed shortly. */
public class Unavailable extends DomainException {

    public Unavailable(String detail) {
        super(detail, List.of());
    }
}
