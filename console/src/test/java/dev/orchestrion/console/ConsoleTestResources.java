package dev.orchestrion.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import dev.orchestrion.console.testing.FakeServices;
import dev.orchestrion.console.testing.LocalSignInCodes;
import dev.orchestrion.testsupport.JwtTestResource;
import dev.orchestrion.testsupport.KafkaTestResource;

/** What every console test runs against, started once for the whole test JVM. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = LocalSignInCodes.class, scope = TestResourceScope.GLOBAL)
public final class ConsoleTestResources {

    private ConsoleTestResources() {
    }
}
