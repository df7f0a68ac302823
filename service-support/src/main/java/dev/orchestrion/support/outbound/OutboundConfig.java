package dev.orchestrion.support.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which targets outbound calls may reach ({@code orchestrion.outbound.*}, env {@code ORCHESTRION_OUTBOUND_*}): the
 * same switches in every service that calls out or stores call targets, so a save is refused exactly when the call
 * would be.
 */
@ConfigMapping(prefix = "orchestrion.outbound")
public interface OutboundConfig {

    /** Allow 127.0.0.0/8 and ::1 (the local stack allows them so a developer can call their own machine). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Allow private, link-local and the other non-public ranges (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, ...). */
    @WithDefault("false")
    boolean allowPrivate();
}
