package dev.orchestrion.support.outbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The outbound guard of a service, from its {@link OutboundConfig}; tests replace the resolver with their own bean. */
@Singleton
public class OutboundGuardProducer {

    @Produces
    @Singleton
    @DefaultBean
    HostResolver systemResolver() {
        return HostResolver.SYSTEM;
    }

    @Produces
    @Singleton
    OutboundGuard outboundGuard(OutboundConfig config, HostResolver resolver) {
        return new OutboundGuard(new AddressPolicy(config.allowLoopback(), config.allowPrivate()), resolver);
    }
}
