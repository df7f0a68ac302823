package dev.orchestrion.runner;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import dev.orchestrion.testsupport.JwtTestResource;
import dev.orchestrion.testsupport.KafkaTestResource;
import dev.orchestrion.testsupport.PostgresTestResource;

/** The infrastructure every test of this service runs against, started once for the whole test JVM. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "runner"))
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PeerServices.class, scope = TestResourceScope.GLOBAL)
public final class RunnerServiceTestResources {

    private RunnerServiceTestResources() {
    }
}
