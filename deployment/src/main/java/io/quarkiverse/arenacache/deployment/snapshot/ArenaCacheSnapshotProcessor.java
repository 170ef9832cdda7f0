package io.quarkiverse.arenacache.deployment.snapshot;

import io.quarkiverse.arenacache.runtime.snapshot.ArenaCacheSnapshotConfig;
import io.quarkiverse.arenacache.runtime.snapshot.ArenaCacheSnapshotRecorder;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

/**
 * Serves the snapshot endpoint under the non-application root (or the management interface when enabled). On by
 * default in dev and test mode only.
 */
class ArenaCacheSnapshotProcessor {

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerRoutes(Capabilities capabilities, LaunchModeBuildItem launchMode, ArenaCacheSnapshotConfig config,
            ArenaCacheSnapshotRecorder recorder, BuildProducer<RouteBuildItem> routes) {
        if (!capabilities.isPresent(Capability.VERTX_HTTP) || !enabled(config, launchMode)) {
            return;
        }
        String path = trimSlashes(config.path());
        if (path.isEmpty()) {
            throw new IllegalArgumentException("quarkus.arena-cache.snapshot.path must not be empty");
        }
        var handler = recorder.handler();
        routes.produce(RouteBuildItem.newManagementRoute(path)
                .withRequestHandler(handler)
                .asBlockingRoute()
                .displayOnNotFoundPage("Arena cache snapshot")
                .build());
        routes.produce(RouteBuildItem.newManagementRoute(path + "/:name")
                .withRequestHandler(handler)
                .asBlockingRoute()
                .build());
    }

    static boolean enabled(ArenaCacheSnapshotConfig config, LaunchModeBuildItem launchMode) {
        return config.enabled().orElseGet(() -> launchMode.getLaunchMode().isDevOrTest());
    }

    private static String trimSlashes(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
