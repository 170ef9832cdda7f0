package io.quarkiverse.arenacache.deployment.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A port nobody listens on right now: several builds share this machine, so fixed ports collide. */
final class FreePort {

    private FreePort() {
    }

    static String find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
