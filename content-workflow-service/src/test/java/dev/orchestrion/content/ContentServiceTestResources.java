package dev.orchestrion.content;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import dev.orchestrion.testsupport.JwtTestResource;
import dev.orchestrion.testsupport.KafkaTestResource;
import dev.orchestrion.testsupport.MongoTestResource;

/** The infrastructure every test of this service runs against, started once for the whole test JVM. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MongoTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "content"))
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class ContentServiceTestResources {

    private ContentServiceTestResources() {
    }
}
