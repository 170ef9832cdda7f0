package io.quarkiverse.arenacache.deployment.tracing;

import io.quarkiverse.arenacache.runtime.tracing.ArenaCacheTracingConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/** Traces cache loads and administrative operations when the application has the OpenTelemetry extension. */
class ArenaCacheTracingProcessor {

    // Class names as strings: referencing the classes would load the OpenTelemetry API at build time.
    static final String DECORATOR = "io.quarkiverse.arenacache.runtime.tracing.TracingArenaCacheDecorator";
    static final String SNAPSHOT_OBSERVER = "io.quarkiverse.arenacache.runtime.tracing.TracingSnapshotObserver";

    @BuildStep
    void registerTracing(Capabilities capabilities, ArenaCacheTracingConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.enabled() && capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses(DECORATOR, SNAPSHOT_OBSERVER)
                    .setUnremovable()
                    .build());
        }
    }
}
