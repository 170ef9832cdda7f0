package io.quarkiverse.arenacache.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/** Build steps of the arena-cache extension. */
class ArenaCacheProcessor {

    static final String FEATURE = "arena-cache";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
