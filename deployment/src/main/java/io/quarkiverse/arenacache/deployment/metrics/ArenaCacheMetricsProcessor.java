package io.quarkiverse.arenacache.deployment.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.arenacache.deployment.spi.ArenaCacheBuildItem;
import io.quarkiverse.arenacache.runtime.metrics.ArenaCacheMetricsConfig;
import io.quarkiverse.arenacache.runtime.metrics.ArenaCacheMetricsRecorder;
import io.quarkiverse.arenacache.runtime.metrics.MeteredCaches;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * Publishes the caches' Micrometer meters, only when the application has a Micrometer extension: without one, no
 * class of the metrics package is loaded.
 */
class ArenaCacheMetricsProcessor {

    // A string, not a class literal: the registrar's signatures name Micrometer types.
    static final String REGISTRAR = "io.quarkiverse.arenacache.runtime.metrics.ArenaCacheMetricsRegistrar";

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void registerMeters(Optional<MetricsCapabilityBuildItem> metricsCapability, ArenaCacheMetricsConfig config,
            List<ArenaCacheBuildItem> caches, ArenaCacheMetricsRecorder recorder,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        if (!config.enabled() || !micrometerPresent(metricsCapability)) {
            return;
        }
        List<String> metered = new ArrayList<>();
        for (ArenaCacheBuildItem cache : caches) {
            if (cache.isMetricsEnabled()) {
                metered.add(cache.getName());
            }
        }
        if (metered.isEmpty()) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(REGISTRAR));
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(MeteredCaches.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.meteredCaches(metered))
                .done());
    }

    private static boolean micrometerPresent(Optional<MetricsCapabilityBuildItem> capability) {
        return capability.isPresent() && capability.get().metricsSupported(MetricsFactory.MICROMETER);
    }
}
