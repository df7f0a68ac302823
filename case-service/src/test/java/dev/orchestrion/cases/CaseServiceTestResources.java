package dev.orchestrion.cases;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import dev.orchestrion.cases.testing.FakeDefinitionService;
import dev.orchestrion.testsupport.JwtTestResource;
import dev.orchestrion.testsupport.KafkaTestResource;
import dev.orchestrion.testsupport.PostgresTestResource;

/** The infrastructure every test of this service runs against, started once for the whole test JVM. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeDefinitionService.class, scope = TestResourceScope.GLOBAL)
public final class CaseServiceTestResources {

    private CaseServiceTestResources() {
    }
}
