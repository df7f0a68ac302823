package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service (and the console) has a Dockerfile.jvm that packages its fast-jar on the UBI OpenJDK 17 runtime as user 185. */
class ContainerImagesTest {

    static final List<String> services = Platform.WORKLOADS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("services")
    void dockerfileRunsTheFastJarAsANonRootUser(String service) throws IOException {
        Path dockerfile = Kustomize.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        assertThat(dockerfile).exists();
        String text = Files.readString(dockerfile);

        assertThat(text).containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\S+$")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                .containsPattern("(?m)^USER 185$").containsPattern("(?m)^EXPOSE 8080$")
                .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        // The build context is the service folder; only the packaged application goes into it.
        assertThat(Files.readString(Kustomize.root().resolve(service).resolve(".dockerignore")))
                .contains("!target/quarkus-app/");
    }
}
