package dev.orchestrion.support.domain;

import java.util.List;

/** The resource changed since the caller read it (an expected version or revision that is no longer current). */
public class StaleVersion extends DomainException {

    public StaleVersion(String detail) {
        super(detail, List.of());
    }
}
