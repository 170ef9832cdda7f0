package io.quarkiverse.arenacache.deployment.health;

import io.quarkiverse.arenacache.runtime.health.ArenaCacheHealthConfig;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/** Adds the "Arena caches" readiness check when the application has SmallRye Health. */
class ArenaCacheHealthProcessor {

    // A string, not a class literal: the health API classes are absent when the application does not use health.
    static final String HEALTH_CHECK = "io.quarkiverse.arenacache.runtime.health.ArenaCacheHealthCheck";

    @BuildStep
    void registerHealthCheck(Capabilities capabilities, ArenaCacheHealthConfig config,
            BuildProducer<HealthBuildItem> healthChecks) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            healthChecks.produce(new HealthBuildItem(HEALTH_CHECK, config.enabled()));
        }
    }
}
