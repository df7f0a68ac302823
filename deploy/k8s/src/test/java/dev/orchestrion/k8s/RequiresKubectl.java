package dev.orchestrion.k8s;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test (reported as skipped, with the reason) where kubectl is not on the PATH, and says so once on the
 * console, so that a build without kubectl never looks as if the manifests had been checked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKubectl.Condition.class)
@interface RequiresKubectl {

    final class Condition implements ExecutionCondition {

        private static final AtomicBoolean WARNED = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Kustomize.kubectl().isPresent()) {
                return ConditionEvaluationResult.enabled("kubectl found");
            }
            if (WARNED.compareAndSet(false, true)) {
                System.err.println("WARNING: " + Kustomize.KUBECTL_MISSING);
            }
            return ConditionEvaluationResult.disabled(Kustomize.KUBECTL_MISSING);
        }
    }
}
