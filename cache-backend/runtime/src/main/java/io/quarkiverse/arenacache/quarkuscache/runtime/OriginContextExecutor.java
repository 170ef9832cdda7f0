package io.quarkiverse.arenacache.quarkuscache.runtime;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * Emits a loaded value on the Vert.x context of the caller that asked for it. A shared load completes on the context
 * of whichever caller ran it; continuing there would leak one request's duplicated context into another.
 */
final class OriginContextExecutor implements Executor {

    private final Context origin;

    OriginContextExecutor(Context origin) {
        this.origin = origin;
    }

    @Override
    public void execute(Runnable task) {
        Context current = Vertx.currentContext();
        if (origin == null) {
            if (current == null) {
                task.run();
            } else {
                // The caller had no context: never continue on another caller's one, use a fresh duplicate.
                ((ContextInternal) current).duplicate().runOnContext(ignored -> task.run());
            }
        } else if (current == origin) {
            task.run();
        } else {
            origin.runOnContext(ignored -> task.run());
        }
    }
}
