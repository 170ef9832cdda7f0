package io.quarkiverse.arenacache.deployment;

import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Makes {@code @ArenaCacheName} known to ArC as a qualifier. The runtime jar is not a bean archive, so without this
 * an application's {@code @Inject @ArenaCacheName("x")} field is read as {@code @Default} (seen in
 * {@code @QuarkusTest} applications).
 */
class ArenaCacheQualifierProcessor {

    @BuildStep
    AdditionalBeanBuildItem qualifier() {
        return new AdditionalBeanBuildItem(ArenaCacheName.class);
    }
}
