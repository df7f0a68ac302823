package dev.orchestrion.support.domain;

import java.util.List;

/**
 * A peer service answered, but refused in a way this service cannot pass on as the caller's fault (its own 4xx to a
 * well-formed call): the platform, not the caller, is at fault, and a retry will not help.
 */
public class PeerRefused extends DomainException {

    public PeerRefused(String detail) {
        super(detail, List.of());
    }
}
