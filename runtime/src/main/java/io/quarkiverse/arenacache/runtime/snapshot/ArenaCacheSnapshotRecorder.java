package io.quarkiverse.arenacache.runtime.snapshot;

import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Creates the snapshot endpoint's route handler. */
@Recorder
public class ArenaCacheSnapshotRecorder {

    public Handler<RoutingContext> handler() {
        return new ArenaCacheSnapshotHandler();
    }
}
